// The session's time keeping: wanted time against model time, bounded slices, hourly
// samples, and re-simulation for jumps back.
#include "render/gui/session.hpp"

#include <algorithm>
#include <cmath>

namespace rfsim::render::gui {

namespace {
constexpr sim::Duration kSampleEvery = sim::Duration::hours(1);
}

bool is_kinetic(sim::ViolationType t) {
  return t == sim::ViolationType::Artillery || t == sim::ViolationType::SmallArms ||
         t == sim::ViolationType::GroundProbe;
}

Session::Session(sim::Scenario scenario, const map::Theatre& theatre)
    : scenario_(std::move(scenario)), theatre_(&theatre) {
  restart();
}

Session::~Session() = default;

void Session::restart() {
  run_ = std::make_unique<sim::Simulation>(scenario_, *theatre_);
  run_->set_trace(this);
  target_ = run_->now();
  carry_ms_ = 0;
  log_.clear();
  flares_.clear();
  samples_.clear();
  next_sample_ = sim::SimTime::start();
  ++generation_;
  sample_up_to_now();
}

void Session::record(const sim::TraceRecord& r) {
  log_.push_back(r);
  if (r.kind == sim::TraceKind::Violation) {
    Flare f{r.violation, r.region, r.time, false, false};
    for (const sim::Violation& v : run_->world().violations) {
      if (v.serial == r.violation) {
        f.kinetic = is_kinetic(v.type);
        break;
      }
    }
    flares_.push_back(f);
  } else if (r.kind == sim::TraceKind::Detected) {
    // Flares are in time order and a detection comes soon after its violation: look back.
    for (auto it = flares_.rbegin(); it != flares_.rend(); ++it) {
      if (it->serial == r.violation) {
        it->detected = true;
        break;
      }
    }
  }
}

void Session::sample_up_to_now() {
  const sim::World& w = run_->world();
  while (next_sample_ <= run_->now()) {
    Sample s;
    s.at = next_sample_;
    for (const sim::Violation& v : w.violations) s.open_violations += v.serial != 0 ? 1.0f : 0.0f;
    for (const sim::Unit& u : w.units) {
      s.units_away += u.state != sim::UnitState::Idle && u.state != sim::UnitState::Withdrawn;
    }
    const auto& m = w.measures;
    if (m.violations > 0) {
      s.detected_share = static_cast<float>(m.detected) / static_cast<float>(m.violations);
      s.in_standard_share =
          static_cast<float>(m.answered_in_standard) / static_cast<float>(m.violations);
    }
    samples_.push_back(s);
    next_sample_ = next_sample_ + kSampleEvery;
  }
}

void Session::advance(double wall_seconds, double speed, std::chrono::microseconds budget) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + budget;
  carry_ms_ += std::max(0.0, wall_seconds * speed * 1000.0);
  const double whole = std::floor(carry_ms_);
  carry_ms_ -= whole;
  target_ = target_ + sim::Duration::ms(static_cast<std::int64_t>(whole));
  // Cap the lag, so that a model slower than the asked speed catches up within a second once
  // the speed comes down, instead of running on long after the facilitator paused.
  const auto cap = sim::Duration::ms(static_cast<std::int64_t>(speed * 1000.0) + 1);
  if (target_ - run_->now() > cap) target_ = run_->now() + cap;
  target_ = std::min(target_, run_->end());
  sim::World& w = run_->mutable_world();
  for (int n = 1;; ++n) {
    if (run_->awaiting_decision()) {  // the run waits for a player; so does the clock
      target_ = run_->now();
      break;
    }
    const std::optional<sim::SimTime> next = w.loop.next_time();
    if (!next || *next > target_) {
      run_->run_until(target_);  // no event left before the target: just move the clock
      break;
    }
    run_->step();
    if (n % 16 == 0) {
      sample_up_to_now();
      if (Clock::now() >= deadline) break;
    }
  }
  sample_up_to_now();
}

void Session::hold() {
  run_->run_until(run_->now());
  target_ = run_->now();
  carry_ms_ = 0;
}

bool Session::step_event() {
  sim::World& w = run_->mutable_world();
  const std::optional<sim::SimTime> next = w.loop.next_time();
  if (!next || *next > run_->end() || run_->awaiting_decision()) return false;
  run_->step();
  target_ = run_->now();
  carry_ms_ = 0;
  sample_up_to_now();
  return true;
}

void Session::jump_to(sim::SimTime t) {
  t = std::clamp(t, sim::SimTime::start(), run_->end());
  if (t < run_->now()) {
    std::erase_if(injects_, [&](const LiveInject& li) { return li.at > t; });
    const std::vector<LiveInject> keep = injects_;
    restart();
    for (const LiveInject& li : keep) {
      run_->run_until(li.at);
      run_->inject(li.inject);
    }
  }
  run_->run_until(t);
  target_ = run_->now();
  carry_ms_ = 0;
  sample_up_to_now();
}

void Session::inject(const sim::Inject& in) {
  run_->run_until(run_->now());  // after every event at this instant, as a replay would
  std::erase_if(injects_, [&](const LiveInject& li) { return li.at > run_->now(); });
  injects_.push_back({run_->now(), in});
  run_->inject(in);
  target_ = std::max(target_, run_->now());
}

}  // namespace rfsim::render::gui
