#pragma once
// A private /tmp and /dev/shm for a runner: empty tmpfs mounts in a mount
// namespace of its own, gone when its last process ends. Documents write to
// /tmp by name (open('/tmp/data.csv', 'w')) and multiprocessing keeps its
// semaphores in /dev/shm; with these, such snippets run as their readers
// expect, and the machine's own /tmp is neither read nor written.

#include <cstdint>
#include <string>
#include <vector>

#include "runners/sandbox.hpp"

namespace snipcheck::runners {

// In the runner, before it gives up its privileges (mounting needs them).
// The folders in `keep` (the scratch folder, the folder of a service's
// socket) stay reachable at their own paths even when they lie under /tmp.
// Returns the folders now private, for Landlock to allow writes in; none,
// with the reason in `notes.missing`, when the kernel refuses: then /tmp
// stays the machine's, and Landlock refuses writes there.
std::vector<std::string> make_private_tmp(const std::vector<std::string>& keep, std::uint64_t size_bytes,
                                          SandboxNotes& notes);

}  // namespace snipcheck::runners
