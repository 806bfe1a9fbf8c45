#pragma once
// What a snippet or tool may read of the caller's environment: where
// programs are, the locale, the time zone. CI secrets (tokens, keys) would
// otherwise be one `print(os.environ)` away from the report.

namespace snipcheck::runners {

// Removes every other variable, and wipes the environment block the process
// was started with: a process forked without exec (the fork server, every
// runner) still shows that block in /proc/self/environ. False when the block
// could not be found (no /proc): then only the variables are gone.
bool keep_plain_environment();

}  // namespace snipcheck::runners
