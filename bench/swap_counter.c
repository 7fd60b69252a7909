/* Counts a GL program's frames from outside: an LD_PRELOAD shim over glXSwapBuffers that, at
 * exit, prints the frames shown after the first 5 s and over how long. Used by
 * bench/idle_window.sh to compare binaries that cannot count their own frames.
 *   cc -shared -fPIC -O2 -o swap_counter.so bench/swap_counter.c -ldl
 *   LD_PRELOAD=./swap_counter.so rfsim gui --script quit-after-35s.txt */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <time.h>

typedef void (*SwapFn)(void*, unsigned long);

static double start = -1;         /* the first frame: the window is up */
static long count = 0, after = 0; /* frames in all, and after the first 5 s */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void glXSwapBuffers(void* display, unsigned long drawable) {
  static SwapFn real = 0;
  if (!real) real = (SwapFn)dlsym(RTLD_NEXT, "glXSwapBuffers");
  real(display, drawable);
  const double t = now();
  if (start < 0) start = t;
  ++count;
  if (t - start >= 5) ++after;
}

__attribute__((destructor)) static void report(void) {
  if (start < 0) return;
  const double span = now() - start - 5;
  if (span <= 0) {
    fprintf(stderr, "swap_counter: %ld frames, the program ended within 5 s\n", count);
    return;
  }
  fprintf(stderr, "swap_counter: %ld frames in %.1f s after the first 5 s: %.1f a second\n", after,
          span, (double)after / span);
}
