// PHOLD through rfsim's EventLoop against a bare std::priority_queue loop doing the same work:
// events per second of each, their ratio and peak memory, every case in a fresh process.
//
//   bench_phold                          the table: both loops, 1,024 and 65,536 LPs, median of 3
//   bench_phold --lps=1024 --reps=5      other sizes or repetitions (--events=N, --seed=N too)
//   bench_phold --case=rfsim --lps=1024  one run in this process, one line of key=value
//
// The model: N logical processes with 16 events each at the start; every event schedules one
// event at a uniformly random LP at now + 100 + Exp(mean 1,000) ms, rounded to whole ms. Both
// loops draw from one splitmix64 generator in event order, so they do the same work only if they
// execute events in the same (time, sequence) order; an order-sensitive checksum proves it.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <queue>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "sim/event_loop.hpp"
#include "sim/time.hpp"

namespace {

using rfsim::sim::Duration;
using rfsim::sim::EventLoop;
using rfsim::sim::SimTime;

constexpr int kEventsPerLp = 16;

// splitmix64: a few cycles per draw, so the queues, not the generator, dominate the timing.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

// The PHOLD draws, shared by both loops so that they consume identical random numbers.
struct Phold {
  std::uint32_t lps;
  SplitMix64 rng;

  std::uint32_t random_lp() {  // Lemire's multiply-shift: no division
    return static_cast<std::uint32_t>((rng.next() >> 32) * lps >> 32);
  }
  std::int64_t delay_ms() {  // 100 + Exp(1000), rounded (half up: it is never negative)
    const double u = static_cast<double>((rng.next() >> 11) + 1) * 0x1.0p-53;  // (0, 1]
    return 100 + static_cast<std::int64_t>(-1000.0 * std::log(u) + 0.5);
  }
};

// Order-sensitive: two loops agree only if they ran the same events in the same order.
std::uint64_t mix(std::uint64_t sum, std::int64_t time, std::uint32_t lp) {
  return (sum ^ (static_cast<std::uint64_t>(time) * 0x100000001B3ull + lp)) * 0x9E3779B97F4A7C15ull;
}

struct RunResult {
  double seconds = 0;  // for the events after the initial population
  std::uint64_t checksum = 0;
  std::int64_t final_time = 0;
};

// CPU time of this process, not wall time: the machine is shared, and a run that loses its core
// for a moment should not look slower for it.
struct Clock {
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
  }
};

RunResult run_bare(std::uint32_t lps, std::uint64_t events, std::uint64_t seed) {
  struct Item {
    std::int64_t time;
    std::uint64_t seq;
    std::uint32_t lp;
  };
  struct Later {
    bool operator()(const Item& a, const Item& b) const {
      return a.time != b.time ? a.time > b.time : a.seq > b.seq;
    }
  };
  Phold phold{lps, SplitMix64{seed}};
  std::priority_queue<Item, std::vector<Item>, Later> queue;
  std::uint64_t seq = 0;
  for (std::uint32_t lp = 0; lp < lps; ++lp) {
    for (int i = 0; i < kEventsPerLp; ++i) queue.push(Item{phold.delay_ms(), ++seq, lp});
  }
  RunResult r;
  const auto start = Clock::now();
  for (std::uint64_t n = 0; n < events; ++n) {
    const Item e = queue.top();
    queue.pop();
    r.checksum = mix(r.checksum, e.time, e.lp);
    r.final_time = e.time;
    const std::uint32_t to = phold.random_lp();
    queue.push(Item{e.time + phold.delay_ms(), ++seq, to});
  }
  r.seconds = Clock::now() - start;
  benchmark::DoNotOptimize(r.checksum);
  return r;
}

RunResult run_rfsim(std::uint32_t lps, std::uint64_t events, std::uint64_t seed) {
  struct Event {
    std::uint32_t lp;
  };
  Phold phold{lps, SplitMix64{seed}};
  EventLoop<Event> loop;
  for (std::uint32_t lp = 0; lp < lps; ++lp) {
    for (int i = 0; i < kEventsPerLp; ++i) {
      loop.schedule_at(SimTime::from_ms(phold.delay_ms()), Event{lp});
    }
  }
  RunResult r;
  auto handler = [&](SimTime now, const Event& e) {
    r.checksum = mix(r.checksum, now.ms(), e.lp);
    r.final_time = now.ms();
    const std::uint32_t to = phold.random_lp();
    loop.schedule_in(Duration::ms(phold.delay_ms()), Event{to});
  };
  const auto start = Clock::now();
  for (std::uint64_t n = 0; n < events; ++n) loop.step(handler);
  r.seconds = Clock::now() - start;
  benchmark::DoNotOptimize(r.checksum);
  return r;
}

// Peak resident set of this process (VmHWM), in KiB.
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

struct Options {
  std::string single_case;  // "bare" or "rfsim": run once here and print one line
  std::vector<std::uint32_t> lps{1024, 65536};
  std::uint64_t events = 10'000'000;
  std::uint64_t seed = 42;
  int reps = 3;
};

[[noreturn]] void usage(std::string_view why) {
  std::fprintf(stderr,
               "bench_phold: %.*s\nusage: bench_phold [--lps=N[,N...]] [--events=N] "
               "[--reps=N] [--seed=N] [--case=bare|rfsim]\n",
               static_cast<int>(why.size()), why.data());
  std::exit(2);
}

std::uint64_t parse_count(std::string_view flag, std::string_view text) {
  std::size_t used = 0;
  unsigned long long v = 0;
  try {
    v = std::stoull(std::string(text), &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size()) usage(std::string(flag) + " needs a whole number");
  return v;
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const std::size_t eq = arg.find('=');
    if (eq == std::string_view::npos) usage("unknown argument " + std::string(arg));
    const std::string_view flag = arg.substr(0, eq);
    const std::string_view value = arg.substr(eq + 1);
    if (flag == "--case") {
      if (value != "bare" && value != "rfsim") usage("--case is bare or rfsim");
      o.single_case = value;
    } else if (flag == "--lps") {
      o.lps.clear();
      for (std::size_t start = 0; start <= value.size();) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        const std::uint64_t n = parse_count(flag, value.substr(start, comma - start));
        if (n == 0 || n > 0xFFFFFFFFull / kEventsPerLp) usage("--lps out of range");
        o.lps.push_back(static_cast<std::uint32_t>(n));
        start = comma + 1;
      }
    } else if (flag == "--events") {
      o.events = parse_count(flag, value);
    } else if (flag == "--reps") {
      o.reps = static_cast<int>(std::clamp<std::uint64_t>(parse_count(flag, value), 1, 99));
    } else if (flag == "--seed") {
      o.seed = parse_count(flag, value);
    } else {
      usage("unknown flag " + std::string(flag));
    }
  }
  return o;
}

struct CaseResult {
  double events_per_s = 0;
  std::uint64_t checksum = 0;
  long peak_kib = 0;
};

// Runs one case in a fresh process (this binary with --case) so that each peak RSS is its own.
CaseResult run_child(const std::string& exe, const std::string& which, std::uint32_t lps,
                     const Options& o) {
  const std::string cmd = "'" + exe + "' --case=" + which + " --lps=" + std::to_string(lps) +
                          " --events=" + std::to_string(o.events) +
                          " --seed=" + std::to_string(o.seed);
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot start " + cmd);
  char buf[512] = {};
  const bool got = std::fgets(buf, sizeof buf, pipe) != nullptr;
  const int status = pclose(pipe);
  CaseResult r;
  unsigned long long checksum = 0;
  if (!got || status != 0 ||
      std::sscanf(buf, "events_per_s=%lf checksum=%llx peak_kib=%ld", &r.events_per_s, &checksum,
                  &r.peak_kib) != 3) {
    throw std::runtime_error("child failed: " + cmd);
  }
  r.checksum = checksum;
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int run_table(const Options& o) {
  char exe[4096] = {};
  const ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len <= 0) throw std::runtime_error("cannot find /proc/self/exe");
  std::printf(
      "PHOLD, %llu events after %d initial events per LP, seed %llu, median of %d "
      "(each run a fresh process)\n\n",
      static_cast<unsigned long long>(o.events), kEventsPerLp,
      static_cast<unsigned long long>(o.seed), o.reps);
  std::printf(
      "| LPs | pending | bare pq (events/s) | rfsim EventLoop (events/s) | ratio | "
      "peak RSS bare | peak RSS rfsim | checksums |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---|\n");
  bool all_same = true;
  for (const std::uint32_t lps : o.lps) {
    std::vector<double> bare_rate, rfsim_rate, ratio, bare_mem, rfsim_mem;
    bool same = true;
    for (int rep = 0; rep < o.reps; ++rep) {  // interleaved, so drift hits both alike
      const CaseResult b = run_child(exe, "bare", lps, o);
      const CaseResult f = run_child(exe, "rfsim", lps, o);
      same = same && b.checksum == f.checksum;
      bare_rate.push_back(b.events_per_s);
      rfsim_rate.push_back(f.events_per_s);
      ratio.push_back(f.events_per_s / b.events_per_s);
      bare_mem.push_back(static_cast<double>(b.peak_kib));
      rfsim_mem.push_back(static_cast<double>(f.peak_kib));
    }
    all_same = all_same && same;
    std::printf("| %u | %u | %.2f M | %.2f M | %.2fx | %.1f MiB | %.1f MiB | %s |\n", lps,
                lps * kEventsPerLp, median(bare_rate) / 1e6, median(rfsim_rate) / 1e6,
                median(ratio), median(bare_mem) / 1024, median(rfsim_mem) / 1024,
                same ? "equal" : "DIFFER");
    std::fflush(stdout);
  }
  std::printf("\nratio: median over runs of (rfsim events/s) / (bare events/s) in the same run\n");
  return all_same ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse_options(argc, argv);
    if (o.single_case.empty()) return run_table(o);
    const std::uint32_t lps = o.lps.front();
    const RunResult r = o.single_case == "bare" ? run_bare(lps, o.events, o.seed)
                                                : run_rfsim(lps, o.events, o.seed);
    std::printf("events_per_s=%.0f checksum=%016llx peak_kib=%ld final_time_ms=%lld\n",
                static_cast<double>(o.events) / r.seconds,
                static_cast<unsigned long long>(r.checksum), peak_rss_kib(),
                static_cast<long long>(r.final_time));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_phold: %s\n", e.what());
    return 1;
  }
}
