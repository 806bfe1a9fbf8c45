#include "runners/sql/database_server.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "runners/sql/mariadb_connection.hpp"
#include "runners/sql/postgres_connection.hpp"
#include "runners/tool_process.hpp"

namespace snipcheck::runners::sql {
namespace {

constexpr double k_init_seconds = 120;
constexpr double k_ready_seconds = 60;
constexpr double k_admin_seconds = 30;
constexpr const char* k_postgres_admin = "snipcheck_admin";
// A throwaway server needs neither durability nor a large cache.
constexpr std::array<const char*, 5> k_mariadb_innodb = {
    "--innodb-log-file-size=8M", "--innodb-buffer-pool-size=32M", "--innodb-doublewrite=0",
    "--innodb-flush-log-at-trx-commit=0", "--innodb-undo-tablespaces=0"};

double seconds_since(std::chrono::steady_clock::time_point began) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
}

// Debian installs each PostgreSQL major version in its own folder; the newest wins.
std::string postgres_program(const std::string& name) {
    std::string best;
    int best_version = -1;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ignored)) {
        const std::string version = entry.path().filename().string();
        const std::string program = entry.path().string() + "/bin/" + name;
        if (version.empty() || version.find_first_not_of("0123456789") != std::string::npos ||
            ::access(program.c_str(), X_OK) != 0) {
            continue;
        }
        if (std::stoi(version) > best_version) {
            best_version = std::stoi(version);
            best = program;
        }
    }
    return best;
}

// The programs that initialise a data directory and run the server.
struct Programs {
    std::string init;
    std::string server;
};

Programs programs_for(ServerKind kind) {
    if (kind == ServerKind::mariadb) {
        return {find_program("mariadb-install-db"), find_program("mariadbd")};
    }
    return {postgres_program("initdb"), postgres_program("postgres")};
}

// A folder the server writes in, owned like the scratch folder the sandbox handed to it.
bool make_server_folder(const std::string& path, const std::string& owner_of, std::string& error) {
    struct stat owner {};
    if (::mkdir(path.c_str(), 0700) != 0 || ::stat(owner_of.c_str(), &owner) != 0 ||
        ::chown(path.c_str(), owner.st_uid, owner.st_gid) != 0) {
        error = fmt::format("cannot make {}: {}", path, std::strerror(errno));
        return false;
    }
    return true;
}

std::string quote_mariadb(const std::string& name) { return "`" + name + "`"; }

}  // namespace

// Shared with every database's connection, which drops its database through
// it when it closes, as long as the server is still there.
struct DatabaseServer::Admin {
    ServerKind kind;
    std::string socket;  // MariaDB: the socket file; PostgreSQL: its folder
    std::unique_ptr<SqlConnection> connection;

    bool execute(const std::string& statement, std::string& error) const {
        const StatementResult result = connection->run(statement, k_admin_seconds);
        if (!result.ok) {
            error = fmt::format("{} refused \"{}\": {}", server_name(kind), statement, result.error);
        }
        return result.ok;
    }
};

namespace {

// A document's database: its connection, and the database dropped afterwards.
class OwnedDatabase : public SqlConnection {
public:
    OwnedDatabase(std::unique_ptr<SqlConnection> connection, std::weak_ptr<DatabaseServer::Admin> admin, std::string name)
        : m_connection(std::move(connection)), m_admin(std::move(admin)), m_name(std::move(name)) {}

    ~OwnedDatabase() override {
        m_connection.reset();
        const std::shared_ptr<DatabaseServer::Admin> admin = m_admin.lock();
        if (!admin) {
            return;
        }
        std::string ignored;
        if (admin->kind == ServerKind::mariadb) {
            admin->execute("DROP DATABASE IF EXISTS " + quote_mariadb(m_name), ignored);
            admin->execute(fmt::format("DROP USER IF EXISTS '{}'@'localhost'", m_name), ignored);
        } else {
            admin->execute(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", m_name), ignored);
            admin->execute(fmt::format("DROP ROLE IF EXISTS {}", m_name), ignored);
        }
    }

    StatementResult run(const std::string& statement, double seconds) override {
        return m_connection->run(statement, seconds);
    }
    bool stand_in_table(const std::string& name) override { return m_connection->stand_in_table(name); }
    bool stand_in_column(const std::string& table, const std::string& column) override {
        return m_connection->stand_in_column(table, column);
    }
    bool drop_table(const std::string& name) override { return m_connection->drop_table(name); }

private:
    std::unique_ptr<SqlConnection> m_connection;
    std::weak_ptr<DatabaseServer::Admin> m_admin;
    std::string m_name;
};

std::unique_ptr<SqlConnection> connect_as(ServerKind kind, const std::string& socket, const std::string& user,
                                          const std::string& database, std::string& error, unsigned seconds) {
    if (kind == ServerKind::mariadb) {
        return MariadbConnection::connect(socket, user, database, error, seconds);
    }
    return PostgresConnection::connect(socket, user, database, error, seconds);
}

}  // namespace

std::string server_name(ServerKind kind) { return kind == ServerKind::mariadb ? "MariaDB" : "PostgreSQL"; }

std::string missing_server_package(ServerKind kind) {
    const Programs programs = programs_for(kind);
    if (!programs.init.empty() && !programs.server.empty()) {
        return {};
    }
    return kind == ServerKind::mariadb ? "mariadb-server" : "postgresql";
}

DatabaseServer::DatabaseServer(ServerKind kind) : m_kind(kind) {}

std::unique_ptr<DatabaseServer> DatabaseServer::start(ServerKind kind, std::string& error) {
    if (const std::string package = missing_server_package(kind); !package.empty()) {
        error = fmt::format("{} is not installed (Debian package {})", server_name(kind), package);
        return nullptr;
    }
    const auto began = std::chrono::steady_clock::now();
    auto server = std::unique_ptr<DatabaseServer>(new DatabaseServer(kind));
    if (!server->launch(error)) {
        return nullptr;
    }
    server->m_startup_seconds = seconds_since(began);
    return server;
}

bool DatabaseServer::launch(std::string& error) {
    m_folder = std::make_unique<ScratchFolder>();
    if (m_folder->path().empty()) {
        error = m_folder->error();
        return false;
    }
    const Programs programs = programs_for(m_kind);
    const std::string& folder = m_folder->path();
    const std::string data = folder + "/data";
    const bool mariadb = m_kind == ServerKind::mariadb;
    const std::string socket = mariadb ? folder + "/mariadb.sock" : folder;

    ToolRequest init;
    init.scratch = m_folder.get();
    init.timeout_seconds = k_init_seconds;
    if (mariadb) {
        init.argv = {programs.init, "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal",
                     "--skip-test-db", "--skip-name-resolve"};
        // Passed on to the bootstrap server: small InnoDB files are made in
        // about half the time (26 MB instead of 114 MB).
        init.argv.insert(init.argv.end(), k_mariadb_innodb.begin(), k_mariadb_innodb.end());
    } else {
        init.argv = {programs.init, "--pgdata=" + data, "--username=" + std::string(k_postgres_admin), "--auth=trust",
                     "--no-locale", "--encoding=UTF8", "--no-sync", "--no-instructions"};
    }
    const ToolResult initialised = run_tool(init);
    if (!initialised.started || initialised.timed_out || initialised.exit_code != 0) {
        error = fmt::format("{} could not initialise its data directory: {}{}", server_name(m_kind),
                            initialised.error.empty() ? "" : initialised.error + " ",
                            initialised.timed_out ? "(timed out) " : "") +
                initialised.stderr_text.substr(0, 2000);
        return false;
    }

    ToolRequest run;
    run.scratch = m_folder.get();
    if (mariadb) {
        if (!make_server_folder(folder + "/files", folder, error) || !make_server_folder(folder + "/tmp", folder, error)) {
            return false;
        }
        run.argv = {programs.server, "--no-defaults", "--datadir=" + data, "--socket=" + socket,
                    "--pid-file=" + folder + "/mariadbd.pid", "--skip-networking", "--secure-file-priv=" + folder + "/files",
                    "--tmpdir=" + folder + "/tmp", "--local-infile=0", "--skip-name-resolve", "--skip-symbolic-links",
                    "--max-connections=64"};
        run.argv.insert(run.argv.end(), k_mariadb_innodb.begin(), k_mariadb_innodb.end());
    } else {
        run.argv = {programs.server, "-D", data, "-c", "listen_addresses=", "-c", "unix_socket_directories=" + folder,
                    "-c", "unix_socket_permissions=0700", "-c", "fsync=off", "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off", "-c", "dynamic_shared_memory_type=mmap", "-c", "shared_buffers=32MB",
                    "-c", "max_connections=64", "-c", "lc_messages=C", "-c", "logging_collector=off"};
    }
    std::optional<RunningTool> started = start_tool(run, error);
    if (!started) {
        return false;
    }
    m_process = std::make_unique<RunningTool>(std::move(*started));
    m_sandbox = m_process->sandbox;

    const std::string admin_user = mariadb ? "root" : k_postgres_admin;
    const std::string admin_database = mariadb ? "" : "postgres";
    const auto began = std::chrono::steady_clock::now();
    std::unique_ptr<SqlConnection> admin;
    std::string refused;
    while (!admin) {
        if (!tool_running(*m_process)) {
            error = fmt::format("{} stopped while starting: {}", server_name(m_kind), read_tail(m_process->stderr_path));
            return false;
        }
        if (seconds_since(began) > k_ready_seconds) {
            error = fmt::format("{} did not accept connections within {:g} s: {}", server_name(m_kind), k_ready_seconds,
                                refused);
            return false;
        }
        admin = connect_as(m_kind, socket, admin_user, admin_database, refused, 2);
        if (!admin) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    m_admin = std::make_shared<Admin>(Admin{m_kind, socket, std::move(admin)});
    // Documents' roles may connect to their own database and nowhere else.
    return mariadb || (m_admin->execute("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC", error) &&
                       m_admin->execute("REVOKE CONNECT ON DATABASE template1 FROM PUBLIC", error));
}

DatabaseServer::~DatabaseServer() {
    m_admin.reset();
    if (m_process) {
        // PostgreSQL's SIGTERM would wait for every session to end; SIGINT ends them.
        stop_tool(*m_process, m_kind == ServerKind::postgres ? SIGINT : SIGTERM, 10);
    }
    m_folder.reset();
}

std::unique_ptr<SqlConnection> DatabaseServer::open_database(std::string& error) {
    if (!m_admin || !tool_running(*m_process)) {
        error = server_name(m_kind) + " is no longer running";
        return nullptr;
    }
    const std::string name = fmt::format("snipcheck_doc_{}", ++m_databases);
    const bool made =
        m_kind == ServerKind::mariadb
            ? m_admin->execute("CREATE DATABASE " + quote_mariadb(name), error) &&
                  m_admin->execute(fmt::format("CREATE USER '{}'@'localhost'", name), error) &&
                  m_admin->execute(fmt::format("GRANT ALL PRIVILEGES ON {}.* TO '{}'@'localhost'", quote_mariadb(name), name),
                                   error)
            : m_admin->execute(fmt::format("CREATE ROLE {} LOGIN", name), error) &&
                  m_admin->execute(fmt::format("CREATE DATABASE {} OWNER {}", name, name), error) &&
                  m_admin->execute(fmt::format("REVOKE ALL ON DATABASE {} FROM PUBLIC", name), error);
    if (!made) {
        return nullptr;
    }
    std::unique_ptr<SqlConnection> connection = connect_as(m_kind, m_admin->socket, name, name, error, 10);
    if (!connection) {
        return nullptr;
    }
    return std::make_unique<OwnedDatabase>(std::move(connection), m_admin, name);
}

}  // namespace snipcheck::runners::sql
