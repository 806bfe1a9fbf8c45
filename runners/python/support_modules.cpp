#include "runners/python/support_modules.hpp"

#include "fixtures/django_checks_bytecode.hpp"
#include "fixtures/django_checks_source.hpp"
#include "fixtures/django_fixture_bytecode.hpp"
#include "fixtures/django_fixture_source.hpp"
#include "fixtures/project_stubs_bytecode.hpp"
#include "fixtures/project_stubs_source.hpp"
#include "fixtures/redis_fixture_bytecode.hpp"
#include "fixtures/redis_fixture_source.hpp"

namespace snipcheck::runners::python {

const std::vector<SupportModule>& support_modules() {
    static const std::vector<SupportModule> modules = {
        {"snipcheck_stubs", k_project_stubs_source, k_project_stubs_source_bytecode},
        {"snipcheck_django", k_django_fixture_source, k_django_fixture_source_bytecode},
        {"snipcheck_django_checks", k_django_checks_source, k_django_checks_source_bytecode},
        {"snipcheck_redis", k_redis_fixture_source, k_redis_fixture_source_bytecode},
    };
    return modules;
}

}  // namespace snipcheck::runners::python
