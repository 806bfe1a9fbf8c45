#include "runners/python/support_modules.hpp"

#include "fixtures/django_checks_source.hpp"
#include "fixtures/django_fixture_source.hpp"
#include "fixtures/project_stubs_source.hpp"
#include "fixtures/redis_fixture_source.hpp"

namespace snipcheck::runners::python {

const std::vector<SupportModule>& support_modules() {
    static const std::vector<SupportModule> modules = {
        {"snipcheck_stubs", k_project_stubs_source},
        {"snipcheck_django", k_django_fixture_source},
        {"snipcheck_django_checks", k_django_checks_source},
        {"snipcheck_redis", k_redis_fixture_source},
    };
    return modules;
}

}  // namespace snipcheck::runners::python
