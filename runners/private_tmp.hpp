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

enum class KeptAccess { read_write, read_only };

// A folder of the machine the runner must still reach at its own path,
// even when it lies under /tmp: the scratch folder (read_write), the folder
// of a service's socket (read_only: connecting needs no write).
struct KeptFolder {
    std::string path;
    KeptAccess access = KeptAccess::read_write;
};

// In the runner, before it gives up its privileges (mounting needs them).
// Returns the folders now private, for Landlock to allow writes in; none,
// with the reason in `notes.missing`, when the kernel refuses or a kept
// folder cannot be kept: then /tmp stays the machine's, and Landlock
// refuses writes there.
std::vector<std::string> make_private_tmp(const std::vector<KeptFolder>& keep, std::uint64_t size_bytes,
                                          SandboxNotes& notes);

}  // namespace snipcheck::runners
