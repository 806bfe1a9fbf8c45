#include "runners/python/debian_packages.hpp"

#include <map>

namespace snipcheck::runners::python {

std::string debian_package_for_module(std::string_view module) {
    // Import name -> bookworm package; checked with apt-cache policy.
    static const std::map<std::string, std::string, std::less<>> packages = {
        {"aiohttp", "python3-aiohttp"},
        {"attr", "python3-attr"},
        {"bleach", "python3-bleach"},
        {"boto3", "python3-boto3"},
        {"bs4", "python3-bs4"},
        {"celery", "python3-celery"},
        {"channels", "python3-django-channels"},
        {"channels_redis", "python3-channels-redis"},
        {"click", "python3-click"},
        {"corsheaders", "python3-django-cors-headers"},
        {"crispy_forms", "python3-django-crispy-forms"},
        {"cryptography", "python3-cryptography"},
        {"daphne", "python3-daphne"},
        {"dateutil", "python3-dateutil"},
        {"debug_toolbar", "python3-django-debug-toolbar"},
        {"django", "python3-django"},
        {"django_celery_beat", "python3-django-celery-beat"},
        {"django_extensions", "python3-django-extensions"},
        {"django_filters", "python3-django-filters"},
        {"django_redis", "python3-django-redis"},
        {"dotenv", "python3-dotenv"},
        {"elasticsearch", "python3-elasticsearch"},
        {"environ", "python3-django-environ"},
        {"factory", "python3-factory-boy"},
        {"fastapi", "python3-fastapi"},
        {"flask", "python3-flask"},
        {"guardian", "python3-django-guardian"},
        {"httpx", "python3-httpx"},
        {"jinja2", "python3-jinja2"},
        {"jwt", "python3-jwt"},
        {"kombu", "python3-kombu"},
        {"lxml", "python3-lxml"},
        {"markdown", "python3-markdown"},
        {"matplotlib", "python3-matplotlib"},
        {"model_utils", "python3-django-model-utils"},
        {"mptt", "python3-django-mptt"},
        {"MySQLdb", "python3-mysqldb"},
        {"numpy", "python3-numpy"},
        {"oauth2_provider", "python3-django-oauth-toolkit"},
        {"pandas", "python3-pandas"},
        {"PIL", "python3-pil"},
        {"psutil", "python3-psutil"},
        {"psycopg2", "python3-psycopg2"},
        {"pydantic", "python3-pydantic"},
        {"pymongo", "python3-pymongo"},
        {"pymysql", "python3-pymysql"},
        {"pytest", "python3-pytest"},
        {"redis", "python3-redis"},
        {"requests", "python3-requests"},
        {"rest_framework", "python3-djangorestframework"},
        {"rest_framework_simplejwt", "python3-djangorestframework-simplejwt"},
        {"rich", "python3-rich"},
        {"scipy", "python3-scipy"},
        {"sentry_sdk", "python3-sentry-sdk"},
        {"sklearn", "python3-sklearn"},
        {"sqlalchemy", "python3-sqlalchemy"},
        {"taggit", "python3-django-taggit"},
        {"toml", "python3-toml"},
        {"tqdm", "python3-tqdm"},
        {"uvicorn", "python3-uvicorn"},
        {"websockets", "python3-websockets"},
        {"whitenoise", "python3-whitenoise"},
        {"yaml", "python3-yaml"},
    };
    const std::string_view top = module.substr(0, module.find('.'));
    const auto it = packages.find(top);
    return it == packages.end() ? std::string() : it->second;
}

}  // namespace snipcheck::runners::python
