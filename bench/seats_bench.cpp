// Seats over localhost (issue 13): bytes a second a Blue and a White seat receive at 1x, 3600x
// and 10000x; the wall time from a Blue answer to its effect on every seat; the host's CPU with
// 8 seats. A host and its seats in one process, the seats on a thread of their own.
//   bench_seats [seconds per measure, default 10]
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "map/theatre.hpp"
#include "play/host.hpp"
#include "play/picture.hpp"
#include "play/seat.hpp"
#include "saves/recording.hpp"
#include "sim/scenario_loader.hpp"

using namespace rfsim;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

const map::Theatre& theatre() {
  static const map::Theatre t = map::Theatre::load(RFSIM_ASSETS_DIR);
  return t;
}

sim::Scenario scenario(const char* file, bool ask) {
  sim::Scenario sc =
      sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/" + file, theatre());
  if (ask) {
    sc.decisions = sim::DecisionMode::Ask;
    for (sim::Nation& n : sc.nations) n.ask = true;
  }
  return sc;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::unique_ptr<play::Seat> seat(const play::Host& host, play::Role role) {
  play::SeatOptions o;
  o.port = host.port();
  o.role = role;
  o.code = host.code(role);
  o.limits = {theatre().region_count(), theatre().link_count()};
  auto s = std::make_unique<play::Seat>(o);
  s->connect(5s);
  return s;
}

// The seats, polled on their own thread while the host's loop runs on the caller's.
struct SeatThread {
  std::vector<std::unique_ptr<play::Seat>> seats;
  std::atomic<bool> stop{false};
  std::thread thread;
  void start() {
    thread = std::thread([this] {
      while (!stop) {
        for (auto& s : seats) s->poll(1ms);
      }
    });
  }
  void join() {
    stop = true;
    thread.join();
  }
};

// The host's loop as `rfsim host` runs it, for `seconds` of wall time. Returns the host
// thread's CPU seconds.
double host_loop(play::Host& host, double seconds) {
  const double cpu0 = thread_cpu_seconds();
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  Clock::time_point last = Clock::now();
  while (Clock::now() < end) {
    host.poll(10ms);
    const Clock::time_point now = Clock::now();
    host.play(std::chrono::duration<double>(now - last).count(), 8ms);
    last = now;
  }
  return thread_cpu_seconds() - cpu0;
}

void bytes_per_second(double seconds, play::Role role) {
  std::printf(
      "\nBytes a %s seat receives (partial-ceasefire.toml, doctrine decides, pictures at "
      "most 4 a second):\n",
      role == play::Role::White ? "White" : "Blue");
  std::printf(
      "| speed | sim time covered | pictures/s | KiB/s | bytes/picture |\n|---|---|---|---|---|\n");
  for (double speed : {1.0, 3600.0, 10000.0}) {
    std::ostringstream console;
    saves::Recording rec(scenario("partial-ceasefire.toml", false), theatre());
    play::HostOptions o;
    o.speed = speed;
    play::Host host(rec, o, console);
    SeatThread seats;
    seats.seats.push_back(seat(host, role));
    seats.start();
    // Joined and sent a first picture before the clock starts.
    const auto ready = Clock::now() + 2s;
    while (Clock::now() < ready && host.counters().pictures == 0) host.poll(1ms);
    const std::uint64_t bytes0 = host.counters().bytes_sent;
    const std::uint64_t pictures0 = host.counters().pictures;
    const sim::SimTime t0 = rec.run().now();
    host_loop(host, seconds);
    const double bytes = static_cast<double>(host.counters().bytes_sent - bytes0);
    const double pictures = static_cast<double>(host.counters().pictures - pictures0);
    seats.join();
    std::printf("| %.0fx | %s | %.1f | %.1f | %.0f |\n", speed,
                sim::format_duration(rec.run().now() - t0).c_str(), pictures / seconds,
                bytes / seconds / 1024.0, pictures > 0 ? bytes / pictures : 0.0);
  }
}

// The seats poll on their own thread, as on their own machines, and note when Blue's and the
// observer's (White's) pictures no longer hold the decision being answered. Red's picture does
// not change with a Blue answer, so the host sends it nothing new.
void answer_latency(std::chrono::milliseconds picture_every, int samples) {
  std::ostringstream console;
  saves::Recording rec(scenario("no-ceasefire.toml", true), theatre());
  play::HostOptions o;
  o.picture_every = picture_every;
  o.paused = true;
  play::Host host(rec, o, console);
  auto blue = seat(host, play::Role::Blue);
  auto red = seat(host, play::Role::Red);
  auto observer = seat(host, play::Role::Observer);
  std::atomic<std::uint64_t> watch{0};                       // the decision answered; 0: none
  std::atomic<std::int64_t> blue_seen{0}, observer_seen{0};  // steady_clock ticks
  std::atomic<bool> stop{false};
  auto gone = [](const play::Seat& s, std::uint64_t id) {
    if (!s.picture()) return false;
    const auto& ds = s.picture()->picture.decisions;
    return std::none_of(ds.begin(), ds.end(), [&](const sim::Decision& x) { return x.id == id; });
  };
  std::thread seats([&] {
    while (!stop) {
      for (play::Seat* s : {blue.get(), red.get(), observer.get()}) s->poll(0ms);
      const std::uint64_t id = watch;
      if (id == 0) continue;
      const std::int64_t now = Clock::now().time_since_epoch().count();
      if (blue_seen == 0 && gone(*blue, id)) blue_seen = now;
      if (observer_seen == 0 && gone(*observer, id)) observer_seen = now;
    }
  });
  std::vector<double> blue_ms, both_ms;
  sim::SimTime t = rec.run().now();
  while (static_cast<int>(both_ms.size()) < samples && rec.run().now() < rec.run().end()) {
    t = t + sim::Duration::minutes(10);
    host.advance_to(t);
    while (rec.run().awaiting_decision() && static_cast<int>(both_ms.size()) < samples) {
      const sim::Decision d = rec.run().pending_decisions().front();
      if (d.kind == sim::Decision::Kind::RedStep) {
        rec.command(sim::doctrine_answer(d));  // Red's: answered at the host, not measured
        host.advance_to(t);
        continue;
      }
      // Every seat holds its picture of this moment before the answer is given.
      const auto settle = Clock::now() + 500ms;
      while (Clock::now() < settle) host.poll(1ms);
      blue_seen = 0;
      observer_seen = 0;
      const Clock::time_point start = Clock::now();
      watch = d.id;
      blue->answer(d.id, d.doctrine);
      while ((blue_seen == 0 || observer_seen == 0) && Clock::now() - start < 5s) host.poll(0ms);
      watch = 0;
      if (blue_seen == 0 || observer_seen == 0) {
        std::printf("answer %llu: not seen within 5 s\n", static_cast<unsigned long long>(d.id));
        break;
      }
      const auto since = [&](std::int64_t ticks) {
        return std::chrono::duration<double, std::milli>(Clock::time_point(Clock::duration(ticks)) -
                                                         start)
            .count();
      };
      blue_ms.push_back(since(blue_seen));
      both_ms.push_back(std::max(since(blue_seen), since(observer_seen)));
      host.advance_to(t);
    }
  }
  stop = true;
  seats.join();
  // What the host computes for one change: a picture per cell, and its encoding.
  for (play::Cell c : {play::Cell::White, play::Cell::Blue, play::Cell::Red}) {
    const Clock::time_point t0 = Clock::now();
    const std::string frame =
        play::encode_frame(play::PictureMessage{play::picture_of(rec.run(), c), false, 0});
    std::printf("(picture_of + encode for %s: %.2f ms, %zu bytes)\n",
                std::string(play::to_string(c)).c_str(),
                std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), frame.size());
  }
  if (both_ms.empty()) return;
  std::sort(blue_ms.begin(), blue_ms.end());
  std::sort(both_ms.begin(), both_ms.end());
  std::printf("| %lld ms | %zu | %.2f ms | %.2f ms | %.2f ms | %.2f ms |\n",
              static_cast<long long>(picture_every.count()), both_ms.size(),
              blue_ms[blue_ms.size() / 2], both_ms[both_ms.size() / 2],
              both_ms[both_ms.size() * 9 / 10], both_ms.back());
}

void host_cpu(double seconds) {
  std::printf(
      "\nThe host's CPU (its thread's CPU time over wall time; partial-ceasefire.toml, "
      "3600x; seats on another thread):\n| seats | host CPU | KiB/s sent |\n|---|---|---|\n");
  for (int n : {0, 8}) {
    std::ostringstream console;
    saves::Recording rec(scenario("partial-ceasefire.toml", false), theatre());
    play::HostOptions o;
    o.speed = 3600;
    play::Host host(rec, o, console);
    SeatThread seats;
    const play::Role roles[] = {play::Role::Blue, play::Role::Red, play::Role::Observer,
                                play::Role::White};
    for (int i = 0; i < n; ++i) seats.seats.push_back(seat(host, roles[i % 4]));
    seats.start();
    const auto ready = Clock::now() + 2s;
    while (Clock::now() < ready && host.seats() < static_cast<std::size_t>(n)) host.poll(1ms);
    const std::uint64_t bytes0 = host.counters().bytes_sent;
    const double cpu = host_loop(host, seconds);
    seats.join();
    std::printf("| %d | %.1f%% | %.1f |\n", n, 100.0 * cpu / seconds,
                static_cast<double>(host.counters().bytes_sent - bytes0) / seconds / 1024.0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;
  // White's picture is the truth and, since protocol 4, carries the MSEL too.
  bytes_per_second(seconds, play::Role::Blue);
  bytes_per_second(seconds, play::Role::White);
  std::printf(
      "\nFrom a Blue answer to the pictures showing it (Blue and observer seats; a Red "
      "seat also joined; no-ceasefire.toml, every decision asked):\n");
  std::printf(
      "| picture_every | answers | Blue: median | Blue and observer: median | 90th pct | max |\n"
      "|---|---|---|---|---|---|\n");
  answer_latency(250ms, 20);
  answer_latency(0ms, 20);
  host_cpu(seconds);
  return 0;
}
