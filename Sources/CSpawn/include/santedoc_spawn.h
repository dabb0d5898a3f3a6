#ifndef SANTEDOC_SPAWN_H
#define SANTEDOC_SPAWN_H
#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (NULL-terminated), its standard input, output and
/// error on `in`, `out` and `err`, in `directory` (NULL: this one). The child is killed if
/// the calling thread dies first (PR_SET_PDEATHSIG), so that an engine never outlives a
/// SanteDoc that was killed. Returns the child's pid, or -errno when it could not start.
pid_t santedoc_spawn(const char *path, char *const argv[], char *const envp[], const char *directory, int in,
                     int out, int err);

/// A pipe whose two ends close on exec (`pipe2` with `O_CLOEXEC`): only the child that is
/// given an end keeps it. Returns 0, or -errno.
int santedoc_pipe(int ends[2]);

#endif
