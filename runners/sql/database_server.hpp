#pragma once
// A throwaway MariaDB or PostgreSQL server for SQL snippets in those
// dialects: one per run, started on first use, in a private temporary
// folder, listening only on a Unix socket there (no TCP at all), run in the
// sandbox of runners/tool_process (user nobody when snipcheck is root,
// writes only in its folder, no network namespace access, resource limits)
// and killed with snipcheck. Each document gets a fresh database owned by a
// role of its own without any server-wide privilege: no file access, no
// COPY ... PROGRAM, no other document's tables.
//
// The server is killed when the thread that started it ends (PDEATHSIG):
// start it on the thread that runs the documents.

#include <memory>
#include <string>

#include "runners/sandbox.hpp"
#include "runners/sql/sql_connection.hpp"

namespace snipcheck::runners {
class ScratchFolder;
struct RunningTool;
}  // namespace snipcheck::runners

namespace snipcheck::runners::sql {

enum class ServerKind { mariadb, postgres };

// "MariaDB" or "PostgreSQL", for messages.
std::string server_name(ServerKind kind);

// The Debian package to install when the server's programs are absent;
// empty when they are all there.
std::string missing_server_package(ServerKind kind);

class DatabaseServer {
public:
    // Initialises a data directory in a private temporary folder and starts
    // the server on a Unix socket there, waiting until it accepts
    // connections; nullptr and `error` (naming the Debian package when the
    // programs are absent, the server's last words when it died) when it cannot.
    static std::unique_ptr<DatabaseServer> start(ServerKind kind, std::string& error);

    // Stops the server (fast shutdown, then a kill) and removes its folder.
    // Connections still open fail from then on; they do not crash.
    ~DatabaseServer();
    DatabaseServer(const DatabaseServer&) = delete;
    DatabaseServer& operator=(const DatabaseServer&) = delete;

    // A fresh, empty database for one document's session, connected as its
    // owner; dropped with its role when the connection is destroyed.
    // nullptr and `error` when the server refuses.
    std::unique_ptr<SqlConnection> open_database(std::string& error);

    ServerKind kind() const { return m_kind; }
    // Seconds from start() to the first accepted connection, initialisation included.
    double startup_seconds() const { return m_startup_seconds; }
    // The protections the server runs under, and those the kernel refused.
    const SandboxNotes& sandbox() const { return m_sandbox; }

    struct Admin;  // the privileged connection that makes and drops databases

private:
    explicit DatabaseServer(ServerKind kind);
    bool launch(std::string& error);

    ServerKind m_kind;
    std::unique_ptr<ScratchFolder> m_folder;
    std::unique_ptr<RunningTool> m_process;
    std::shared_ptr<Admin> m_admin;
    SandboxNotes m_sandbox;
    double m_startup_seconds = 0;
    int m_databases = 0;
};

}  // namespace snipcheck::runners::sql
