// A libFuzzer front end for a .NET fuzz target that uses SharpFuzz's Fuzzer.LibFuzzer.Run.
//
// libFuzzer runs in this process; the .NET target runs in a child process started once, at initialization. They share one
// System V segment: a 64 KiB coverage map (SharpFuzz's instrumented branches count into it), then the input. Per input this
// process clears the map, copies the input behind it, writes the input's length (int32) to the child's control pipe and
// reads a status (int32) from its status pipe: 0 went well, anything else is an exception that escaped the target. The map
// then goes into libFuzzer's extra counters, so libFuzzer sees the managed branches as coverage.
//
// Usage: dotnet-libfuzzer [libFuzzer flags and corpus dirs] --child=PROGRAM [--child-arg=ARG ...]
// libFuzzer ignores flags that start with "--"; those two are read here.
//
// Build: clang -O1 -fsanitize=fuzzer dotnet-libfuzzer.c -o dotnet-libfuzzer

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define COVERAGE_BYTES (1 << 16)
// libFuzzer's -max_len should stay below this; a longer input is cut to it (and the cut is the input the target sees).
#define INPUT_BYTES (1 << 20)
// The descriptor numbers the child finds its pipes at; SharpFuzz opens them by number (AnonymousPipeClientStream).
#define CHILD_CONTROL_FD 198
#define CHILD_STATUS_FD 199

__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t managed_coverage[COVERAGE_BYTES];

// Every map slot any input has hit in this run: the coverage figure printed at exit (libFuzzer's own "cov:" counts only
// instrumented native code, of which there is none here).
static uint8_t slots_hit[COVERAGE_BYTES];

static uint8_t *segment;
static int segment_id = -1;
static int control_fd = -1;
static int status_fd = -1;
static pid_t child = -1;

static void fail(const char *what)
{
    fprintf(stderr, "dotnet-libfuzzer: %s: %s\n", what, errno ? strerror(errno) : "unexpected end");
    exit(1);
}

static void release(void)
{
    if (child > 0)
    {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
        child = -1;
    }

    if (segment_id >= 0)
    {
        shmctl(segment_id, IPC_RMID, NULL);
        segment_id = -1;
    }
}

static void report(void)
{
    size_t hit = 0;
    for (size_t i = 0; i < COVERAGE_BYTES; i++)
    {
        hit += slots_hit[i] != 0;
    }

    fprintf(stderr, "stat::managed_edges_hit: %zu\n", hit);
}

static int read_all(int fd, void *buffer, size_t length)
{
    uint8_t *p = buffer;
    while (length > 0)
    {
        ssize_t n = read(fd, p, length);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }

        if (n <= 0)
        {
            return -1;
        }

        p += n;
        length -= (size_t)n;
    }

    return 0;
}

static int write_all(int fd, const void *buffer, size_t length)
{
    const uint8_t *p = buffer;
    while (length > 0)
    {
        ssize_t n = write(fd, p, length);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }

        if (n <= 0)
        {
            return -1;
        }

        p += n;
        length -= (size_t)n;
    }

    return 0;
}

// A target that threw, or a child that died (stack overflow, fail-fast), is a crash of this input: abort so that libFuzzer
// saves it. The child has already printed the exception to its stderr, which is ours.
static void crash(const char *why)
{
    fprintf(stderr, "dotnet-libfuzzer: %s\n", why);
    fflush(stderr);
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char **child_argv = calloc((size_t)*argc + 1, sizeof(char *));
    int child_argc = 1;
    for (int i = 1; i < *argc; i++)
    {
        const char *arg = (*argv)[i];
        if (strncmp(arg, "--child=", 8) == 0)
        {
            child_argv[0] = (char *)arg + 8;
        }
        else if (strncmp(arg, "--child-arg=", 12) == 0)
        {
            child_argv[child_argc++] = (char *)arg + 12;
        }
    }

    if (child_argv[0] == NULL)
    {
        fprintf(stderr, "dotnet-libfuzzer: say which program to fuzz with --child=PROGRAM [--child-arg=ARG ...]\n");
        exit(1);
    }

    segment_id = shmget(IPC_PRIVATE, COVERAGE_BYTES + INPUT_BYTES, IPC_CREAT | IPC_EXCL | 0600);
    if (segment_id < 0)
    {
        fail("shmget");
    }

    atexit(release);
    atexit(report);
    segment = shmat(segment_id, NULL, 0);
    if (segment == (void *)-1)
    {
        fail("shmat");
    }

    int control[2], status[2];
    if (pipe(control) != 0 || pipe(status) != 0)
    {
        fail("pipe");
    }

    child = fork();
    if (child < 0)
    {
        fail("fork");
    }

    if (child == 0)
    {
        char id[32];
        snprintf(id, sizeof id, "%d", segment_id);
        // Only _exit here: the exit handlers belong to the parent (they would remove the shared segment).
        if (dup2(control[0], CHILD_CONTROL_FD) < 0 || dup2(status[1], CHILD_STATUS_FD) < 0)
        {
            perror("dotnet-libfuzzer: dup2");
            _exit(127);
        }

        close(control[0]);
        close(control[1]);
        close(status[0]);
        close(status[1]);
        setenv("__LIBFUZZER_SHM_ID", id, 1);
        setenv("__LIBFUZZER_CONTROL_PIPE_ID", "198", 1);
        setenv("__LIBFUZZER_STATUS_PIPE_ID", "199", 1);
        execvp(child_argv[0], child_argv);
        perror(child_argv[0]);
        _exit(127);
    }

    close(control[0]);
    close(status[1]);
    control_fd = control[1];
    status_fd = status[0];
    // A child that is gone must show up as a failed write, not kill this process before libFuzzer can save the input.
    signal(SIGPIPE, SIG_IGN);

    // The child says it is ready with a first status, after the runtime has started and the target is set up.
    int32_t ready;
    if (read_all(status_fd, &ready, sizeof ready) != 0)
    {
        fail("the .NET target did not start; run it by hand to see why");
    }

    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > INPUT_BYTES)
    {
        size = INPUT_BYTES;
    }

    memset(segment, 0, COVERAGE_BYTES);
    memcpy(segment + COVERAGE_BYTES, data, size);
    int32_t length = (int32_t)size;
    if (write_all(control_fd, &length, sizeof length) != 0)
    {
        crash("the .NET target is gone (it died on an earlier input, or was killed)");
    }

    int32_t outcome;
    if (read_all(status_fd, &outcome, sizeof outcome) != 0)
    {
        crash("the .NET target died on this input (see its output above)");
    }

    memcpy(managed_coverage, segment, COVERAGE_BYTES);
    for (size_t i = 0; i < COVERAGE_BYTES; i++)
    {
        slots_hit[i] |= segment[i];
    }

    if (outcome != 0)
    {
        crash("the .NET target threw on this input (see the exception above)");
    }

    return 0;
}
