// Incidents in the coalition's own flank states (Poland, Romania, Moldova): drones, raids,
// aircraft, missiles, debris and sabotage at published rates that rise with Red's theatre-wide
// step; air policing that sees and engages them; and, after a major incursion, the coalition's
// decision whether to request consultations under Article 4 (docs/model.md "Incidents in
// coalition states" gives each figure's source or marks it an assumption).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string_view>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {

namespace {

constexpr double kDaysPerMonth = 30.4375;

/// What one flank state suffers and how it is defended.
struct Profile {
  std::string_view region;
  // Incidents a month at Red's limited-offensive step (the war of 2022-25 the counts are from).
  std::array<double, kFlankIncidentCount> per_month;
  double detect_drone;    // chance a drone is seen by national air defence and NATO's picture
  double engage;          // chance a seen drone is fired at (rules of engagement, collateral)
  double sam_share;       // of the shots: ground-based SAM (Patriot, NASAMS)
  double gun_share;       // ...guns (fighters' cannon, helicopters); the rest fighters' missiles
  bool fighters;          // quick-reaction alert fighters (national or NATO air policing)
  std::int32_t magazine;  // interceptors on hand for air policing
  std::int32_t resupply;  // interceptors brought up a day
  bool nato;              // a member: may request consultations under Article 4
};

// Sabotage: CSIS counts 34 Russian attacks in Europe in 2024 (the peak year); Poland's share
// 20%, Romania's and Moldova's 5% each (assumption: Poland is the hub of aid to Ukraine).
constexpr double kEuropeSabotagePerMonth = 34.0 / 12.0;

constexpr std::array<Profile, 3> kProfiles = {{
    // Poland: one raid (19 drones, 9-10 Sep 2025) in the 43 months Feb 2022 - Sep 2025; one
    // missile (Przewodow, Nov 2022) in the same months; single drones, aircraft, debris:
    // assumptions. 3-4 of the 19 shot down: 0.85 seen x 0.35 fired at x ~0.7 kill = 0.21.
    {"flank_poland",
     {0.10, 1.0 / 43, 0.02, 1.0 / 43, 0.05, 0.20 * kEuropeSabotagePerMonth},
     0.85,
     0.35,
     0.3,
     0.1,
     true,
     40,
     2,
     true},
    // Romania (MApN, Feb 2022 - Sep 2025, 43 months): drones entered its airspace 10 times;
    // fragments fell in 38 of 52 attacks near the border (28 here without an entry, since an
    // entry leaves its own fragments); 13 Sep 2025 its pilots did not fire (collateral risk).
    {"flank_romania",
     {10.0 / 43, 0.005, 0.01, 0.01, 28.0 / 43, 0.05 * kEuropeSabotagePerMonth},
     0.85,
     0.1,
     0.2,
     0.1,
     true,
     24,
     1,
     true},
    // Moldova: no yearly count published; 3 airspace violations in the first 38 days of 2026,
    // which we take as an upper bound (1 a month, assumption); no air force able to engage;
    // low-flying drones missed by its radar (19 Nov 2025).
    {"flank_moldova",
     {1.0, 0.02, 0.005, 0.05, 0.02, 0.05 * kEuropeSabotagePerMonth},
     0.5,
     0.0,
     0.0,
     0.0,
     false,
     0,
     0,
     false},
}};

constexpr Profile kQuiet{"", {},    0, 0, 0,
                         0,  false, 0, 0, false};  // a flank state we have no figures for

const Profile& profile(const map::Theatre& t, map::RegionId region) {
  const std::string& id = t.region(region).id;
  for (const Profile& p : kProfiles) {
    if (p.region == id) return p;
  }
  return kQuiet;
}

// How the rate of each kind follows Red's theatre-wide step (the sectors' mean, compliance ..
// general offensive). Spill-over (drones, raids, missiles, debris) follows Russia's strikes on
// Ukraine: assumption. Aircraft: assumption. Sabotage: the 2023 level is 12/34 of 2024's (CSIS),
// taken as the compliance step's.
constexpr std::array<double, kRedStepCount> kSpillOver = {0.05, 0.1, 0.4, 1.0, 1.5};
constexpr std::array<double, kRedStepCount> kDeliberate = {0.3, 0.4, 0.7, 1.0, 1.3};
constexpr std::array<double, kRedStepCount> kSabotage = {12.0 / 34, 0.5, 0.7, 1.0, 1.2};

double step_factor(FlankIncident k, double step) {
  const auto& table = k == FlankIncident::Sabotage   ? kSabotage
                      : k == FlankIncident::Aircraft ? kDeliberate
                                                     : kSpillOver;
  step = std::clamp(step, 0.0, static_cast<double>(kRedStepCount - 1));
  const auto lo = static_cast<std::size_t>(std::floor(step));
  const std::size_t hi = std::min(lo + 1, kRedStepCount - 1);
  const double f = step - static_cast<double>(lo);
  return (1 - f) * table[lo] + f * table[hi];
}

// Article 4 and what follows (all assumptions but the two days, R1 section 9).
constexpr std::int32_t kMajorRaid = 10;               // drones in a raid that make it major
constexpr double kAircraftMajor = 0.25;               // Estonia 2025: 1 request in 4 violations
constexpr Duration kSentryDelay = Duration::days(2);  // Eastern Sentry, two days after Poland's
constexpr Duration kSentryStays = Duration::days(90);
constexpr Duration kAfterEffect = Duration::days(60);  // cohesion and Red's reading of a refusal
constexpr double kReinforcedRate = 0.7;                // incidents under NATO's reinforcement
constexpr double kEmboldenedRate = 1.3;                // ...after a consultation was declined
constexpr double kSolidarity = 0.8;        // capitals' refusal odds after a consultation
constexpr double kDisunity = 1.2;          // ...after one was declined
constexpr double kReinforcedDetect = 0.1;  // AWACS and more fighters: more drones seen
constexpr double kReinforcedEngage = 1.5;  // ...and fired at
constexpr double kReinforcedMagazine = 1.5;

// Air policing's other figures (assumptions).
constexpr double kDetectAircraft = 0.99;
constexpr double kDetectMissile = 0.9;
constexpr double kDroneCrashes = 0.8;    // a drone not shot down comes down in the state
constexpr double kMissileFalls = 0.5;    // a missile not shot down falls in the state
constexpr double kStagingTarget = 0.48;  // sabotage at transport and infrastructure (CSIS)
constexpr std::int32_t kRaidMin = 3, kRaidMax = 24;  // drones in a raid: Moldova's 6, Poland's 19

// How long an incident stays open on the map (Poland's raid: 23:30 to 06:30).
constexpr std::array<Duration, kFlankIncidentCount> kOpenFor = {
    Duration::hours(2), Duration::hours(7), Duration::hours(1),
    Duration::hours(1), Duration::hours(6), Duration::hours(12)};

constexpr ViolationType type_of(FlankIncident k) {
  switch (k) {
    case FlankIncident::Drone:
    case FlankIncident::DroneRaid:
    case FlankIncident::Debris:
      return ViolationType::DroneIncursion;
    case FlankIncident::Aircraft:
    case FlankIncident::Missile:
      return ViolationType::AirspaceViolation;
    case FlankIncident::Sabotage:
      return ViolationType::HybridSabotage;
  }
  return ViolationType::DroneIncursion;
}

bool reinforced(const Alliance& a, SimTime now) {
  return now >= a.sentry_from && now < a.sentry_until;
}

bool emboldened(const Alliance& a, SimTime now) {
  return now < a.emboldened_until;
}

double posture_factor(const Alliance& a, SimTime now) {
  return reinforced(a, now) ? kReinforcedRate : emboldened(a, now) ? kEmboldenedRate : 1.0;
}

}  // namespace

Duration flank_open_for(FlankIncident k) {
  return kOpenFor.at(static_cast<std::size_t>(k));
}

std::string_view to_string(FlankIncident k) {
  static constexpr std::array<std::string_view, kFlankIncidentCount> kNames = {
      "drone", "drone_raid", "aircraft", "missile", "debris", "sabotage"};
  return kNames.at(static_cast<std::size_t>(k));
}

namespace {

/// Incidents an hour of each kind in flank state `f` now.
std::array<double, kFlankIncidentCount> rates(const map::Theatre& t, map::RegionId region,
                                              double step, double posture) {
  const Profile& p = profile(t, region);
  std::array<double, kFlankIncidentCount> out{};
  for (std::size_t k = 0; k < kFlankIncidentCount; ++k) {
    const auto kind = static_cast<FlankIncident>(k);
    const double by_posture = kind == FlankIncident::Debris ? 1.0 : posture;
    out[k] = p.per_month[k] * step_factor(kind, step) * by_posture / (kDaysPerMonth * 24.0);
  }
  return out;
}

double total(const std::array<double, kFlankIncidentCount>& a) {
  double s = 0;
  for (double x : a) s += x;
  return s;
}

/// Major incursions a day over all the flank states, at a posture.
double majors_per_day(const map::Theatre& t, const std::vector<Flank>& flanks, double step,
                      double posture) {
  const double p_major_raid =
      static_cast<double>(kRaidMax - kMajorRaid + 1) / static_cast<double>(kRaidMax - kRaidMin + 1);
  double sum = 0;
  for (const Flank& fl : flanks) {
    const auto r = rates(t, fl.region, step, posture);
    sum += r[static_cast<int>(FlankIncident::DroneRaid)] * p_major_raid +
           r[static_cast<int>(FlankIncident::Aircraft)] * kAircraftMajor;
  }
  return sum * 24.0;
}

}  // namespace

void Simulation::Rules::init_flanks(Simulation& s) {
  World& w = s.world_;
  const Handles& h = *s.handles_;
  w.flanks.assign(h.flank_regions.size(), Flank{});
  w.measures.flank.assign(h.flank_regions.size(), FlankMeasures{});
  w.measures.today.flank.assign(h.flank_regions.size(), 0);
  for (std::uint32_t f = 0; f < w.flanks.size(); ++f) {
    w.flanks[f].region = h.flank_regions[f];
    w.flanks[f].magazine = profile(s.theatre_, h.flank_regions[f]).magazine;
  }
  w.alliance = Alliance{};
}

void Simulation::Rules::reschedule_flanks(Simulation& s) {
  World& w = s.world_;
  if (w.flanks.size() != s.handles_->flank_regions.size()) return;  // not yet made
  const double step = mean_step(s);
  const double posture = posture_factor(w.alliance, s.now());
  for (std::uint32_t f = 0; f < w.flanks.size(); ++f) {
    Flank& fl = w.flanks[f];
    w.loop.cancel(fl.tick);
    fl.tick = EventId{};
    fl.rate = total(rates(s.theatre_, w.flanks[f].region, step, posture));
    if (fl.rate <= 0) continue;
    // A Poisson process redrawn whenever its rate changes: it has no memory.
    const double hours = s.handles_->flank[f]->exponential(1.0 / fl.rate);
    if (hours > 24.0 * 365 * 50) continue;  // none in any run; a change of rate redraws it
    fl.tick = w.loop.schedule_in(std::max(Duration::of_hours(hours), Duration::ms(1)),
                                 FlankDue{f, kNone, 0, FlankDue::kTick});
  }
}

void Simulation::Rules::on_flank(Simulation& s, const FlankDue& e) {
  World& w = s.world_;
  if (e.flank >= w.flanks.size()) return;
  if (e.what == FlankDue::kClear) {
    if (e.violation < w.violations.size() && w.violations[e.violation].serial == e.serial) {
      w.violations[e.violation].serial = 0;
      w.free_violation_slots.push_back(e.violation);
    }
    return;
  }
  if (e.what == FlankDue::kRate) {
    if (s.now() == w.alliance.sentry_from) {
      // The reinforcement brings its own missiles (Eastern Sentry: F-16s, Rafales,
      // Eurofighters and a frigate).
      for (std::uint32_t f = 0; f < w.flanks.size(); ++f) {
        const Profile& p = profile(s.theatre_, w.flanks[f].region);
        w.flanks[f].magazine += static_cast<std::int32_t>(p.magazine * (kReinforcedMagazine - 1.0));
      }
    }
    reschedule_flanks(s);
    return;
  }
  Flank& fl = w.flanks[e.flank];
  fl.tick = EventId{};
  RandomStream& rng = *s.handles_->flank[e.flank];
  const auto r = rates(s.theatre_, w.flanks[e.flank].region, mean_step(s),
                       posture_factor(w.alliance, s.now()));
  double pick = rng.uniform() * total(r);
  std::size_t k = 0;
  for (; k + 1 < kFlankIncidentCount; ++k) {
    if (pick < r[k]) break;
    pick -= r[k];
  }
  const auto kind = static_cast<FlankIncident>(k);
  const std::int32_t drones = kind == FlankIncident::DroneRaid
                                  ? static_cast<std::int32_t>(rng.uniform_int(kRaidMin, kRaidMax))
                              : kind == FlankIncident::Drone ? 1
                                                             : 0;
  flank_incident(s, e.flank, kind, drones);
  reschedule_flanks(s);
}

void Simulation::Rules::flank_incident(Simulation& s, std::uint32_t f, FlankIncident kind,
                                       std::int32_t drones) {
  World& w = s.world_;
  const Handles& h = *s.handles_;
  const Profile& p = profile(s.theatre_, h.flank_regions[f]);
  RandomStream& rng = *h.flank[f];
  Measures& m = w.measures;
  FlankMeasures& fm = m.flank[f];
  Flank& fl = w.flanks[f];
  const bool more = reinforced(w.alliance, s.now());
  ++fm.incidents[static_cast<std::size_t>(kind)];
  if (f < m.today.flank.size()) ++m.today.flank[f];

  map::RegionId where = fl.region;
  if (kind == FlankIncident::Sabotage && !h.flank_staging[f].empty() &&
      rng.bernoulli(kStagingTarget)) {
    const auto& st = h.flank_staging[f];
    where =
        st[static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(st.size()) - 1))];
  }

  bool seen = false;
  std::int32_t fired = 0, killed = 0, held = 0, spent = 0, debris = 0;
  bool scrambled = false;
  std::string shots;  // each shot's weapon, kill probability and draw, for the inspector
  int listed = 0;
  constexpr int kShotsListed = 12;
  auto scramble = [&] {
    if (p.fighters && !scrambled) {
      scrambled = true;
      ++fm.scrambles;
    }
  };
  auto shoot = [&](bool missile) {
    const Shot shot = flank_shot(s, f, missile, p.sam_share, p.gun_share);
    if (listed++ < kShotsListed) {
      char buf[96];
      if (shot.fired) {
        std::snprintf(buf, sizeof buf, "%s%s Pk %.2f draw %.3f %s", shots.empty() ? "" : ", ",
                      shot.weapon, shot.pk, shot.draw, shot.killed ? "kill" : "miss");
      } else {
        std::snprintf(buf, sizeof buf, "%sheld (no interceptor)", shots.empty() ? "" : ", ");
      }
      shots += buf;
    }
    if (!shot.fired) {
      ++held;
      return false;
    }
    ++fired;
    spent += shot.interceptors;
    killed += shot.killed ? 1 : 0;
    return shot.killed;
  };
  switch (kind) {
    case FlankIncident::Drone:
    case FlankIncident::DroneRaid: {
      fm.drones += drones;
      const double detect = std::min(0.98, p.detect_drone + (more ? kReinforcedDetect : 0.0));
      const double engage = std::min(0.9, p.engage * (more ? kReinforcedEngage : 1.0));
      for (std::int32_t i = 0; i < drones; ++i) {
        bool down = false;
        if (rng.bernoulli(detect)) {
          seen = true;
          scramble();
          if (rng.bernoulli(engage)) down = shoot(false);
        }
        if (down || rng.bernoulli(kDroneCrashes)) ++debris;  // a wreck or fragments on the ground
      }
      break;
    }
    case FlankIncident::Aircraft:
      // Air policing intercepts and escorts a manned aircraft out; it does not fire.
      seen = rng.bernoulli(kDetectAircraft);
      if (seen) scramble();
      break;
    case FlankIncident::Missile: {
      seen = rng.bernoulli(kDetectMissile);
      bool down = false;
      if (seen && p.sam_share > 0) down = shoot(true);
      if (down || rng.bernoulli(kMissileFalls)) ++debris;
      break;
    }
    case FlankIncident::Debris:
      seen = true;  // found on the ground
      ++debris;
      break;
    case FlankIncident::Sabotage:
      seen = true;  // the damage is found; attribution may take months
      break;
  }
  fm.engaged += fired;
  fm.intercepts += killed;
  fm.misses += fired - killed;
  fm.held_fire += held;
  fm.interceptors_spent += spent;
  fm.debris += debris;

  // The incident, open on the map for a while like any violation (HQ does not task it: the
  // host nation and NATO answer in their own airspace).
  const std::uint32_t slot = open_violation(s, where, type_of(kind));
  Violation& v = w.violations[slot];
  v.judged = true;  // Red does not judge the force by the host nation's answer
  const auto small = [](std::int32_t n) {
    return static_cast<std::uint8_t>(std::clamp(n, 0, 255));
  };
  v.flank_kind = static_cast<std::uint8_t>(static_cast<std::uint8_t>(kind) + 1);
  v.shot_down = small(killed);
  v.missed = small(fired - killed);
  v.held_fire = small(held);
  if (seen) {
    v.detected = s.now();
    v.sensor = Sensor::HostNation;  // its air defence, police or NATO's air picture
    ++fm.detected;
  }
  const std::uint64_t serial = v.serial;
  w.loop.schedule_in(kOpenFor[static_cast<std::size_t>(kind)],
                     FlankDue{f, slot, serial, FlankDue::kClear});
  const std::string state = s.theatre_.region(fl.region).id;
  std::string what = "flank " + std::string(to_string(kind));
  if (drones > 1) what += " of " + std::to_string(drones) + " drones";
  what += " in " + s.theatre_.region(where).id;
  if (!seen) what += " (not seen)";
  trace(s, TraceKind::Violation, serial, where, kNone, what);
  if (fired + held > 0 || debris > 0 || scrambled) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "air policing over %s: %d fired at, %d shot down, %d missed, %d held fire (no "
                  "interceptor), %d interceptors, %d debris falls; %d left",
                  state.c_str(), fired, killed, fired - killed, held, spent, debris, fl.magazine);
    std::string account = buf;
    account += scrambled ? "; quick-reaction alert scrambled" : "; no scramble";
    if (!shots.empty()) {
      account += "; shots: " + shots;
      if (listed > kShotsListed) account += ", " + std::to_string(listed - kShotsListed) + " more";
    }
    trace(s, TraceKind::Engagement, serial, where, kNone, account);
  }

  const bool major = (kind == FlankIncident::DroneRaid && drones >= kMajorRaid) ||
                     (kind == FlankIncident::Aircraft && rng.bernoulli(kAircraftMajor));
  if (!major) return;
  ++fm.major;
  ask_surge(s, "the " + what, serial);
  if (!p.nato) return;  // Moldova is no member: no consultation under Article 4
  // While NATO's reinforcement from the last consultation is in place, the alliance does not
  // consult again (assumption: the posture already answers).
  if (s.now() < w.alliance.sentry_until) return;
  for (const Decision& d : w.decisions) {
    if (d.kind == Decision::Kind::Article4) return;  // one question at a time
  }
  Decision d;
  d.id = w.next_decision_id++;
  d.kind = Decision::Kind::Article4;
  d.asked = s.now();
  d.violation = slot;
  d.serial = serial;
  d.flank = f;
  // The options' odds: another major incursion within 30 days, and the capitals' mean refusal
  // odds, if the coalition requests consultations or not.
  const double step = mean_step(s);
  const double now_rate =
      majors_per_day(s.theatre_, w.flanks, step, posture_factor(w.alliance, s.now()));
  const double with = majors_per_day(s.theatre_, w.flanks, step, kReinforcedRate);
  const double without = majors_per_day(s.theatre_, w.flanks, step, kEmboldenedRate);
  const double days_before = kSentryDelay.as_hours() / 24.0;
  double refusal = 0;
  int capitals = 0;
  for (std::uint32_t n = 0; n < s.scenario_.nations.size(); ++n) {
    const Nation& nat = s.scenario_.nations[n];
    if (nat.side != Side::Coalition || w.nation_withdrawn[n]) continue;
    refusal += nat.refusal;
    ++capitals;
  }
  refusal = capitals > 0 ? refusal / capitals : 0.0;
  DecisionOption request, decline;
  request.odds = 1.0 - std::exp(-(now_rate * days_before + with * (30 - days_before)));
  request.refusal = std::min(1.0, refusal * kSolidarity);
  decline.odds = 1.0 - std::exp(-without * 30);
  decline.refusal = std::min(1.0, refusal * kDisunity);
  d.options = {request, decline};
  d.doctrine = 0;  // P ~ 1: Poland and Estonia both requested (Sep 2025)
  trace(s, TraceKind::Decision, serial, where, kNone,
        "Article 4 after " + what + ": request -> another major incursion in 30 days " +
            percent(request.odds) + ", capitals refuse " + percent(request.refusal) +
            "; decline -> " + percent(decline.odds) + ", " + percent(decline.refusal) +
            "; doctrine: request");
  if (s.scenario_.decisions != DecisionMode::Auto) {
    w.decisions.push_back(std::move(d));  // the coalition is played: the run waits
    return;
  }
  article4_decide(s, d, true);
}

void Simulation::Rules::article4_decide(Simulation& s, const Decision& d, bool request) {
  World& w = s.world_;
  Alliance& a = w.alliance;
  const std::string state =
      d.flank < w.flanks.size() ? s.theatre_.region(w.flanks[d.flank].region).id : "a flank state";
  a.cohesion_until = s.now() + kAfterEffect;
  if (request) {
    ++a.consultations;
    if (d.flank < w.measures.flank.size()) ++w.measures.flank[d.flank].article4;
    a.sentry_from = s.now() + kSentryDelay;
    a.sentry_until = a.sentry_from + kSentryStays;
    a.emboldened_until = s.now();
    a.refusal_factor = kSolidarity;
    w.loop.schedule_at(a.sentry_from, FlankDue{d.flank, kNone, 0, FlankDue::kRate});
    w.loop.schedule_at(a.sentry_until, FlankDue{d.flank, kNone, 0, FlankDue::kRate});
    trace(s, TraceKind::Decision, d.serial, w.flanks.empty() ? kNone : w.flanks[d.flank].region,
          kNone,
          "Article 4: consultations requested after the incursion into " + state +
              "; NATO reinforces the flank in 2 days");
    ask_surge(s, "the Article 4 request", d.serial);
  } else {
    ++a.declined;
    a.emboldened_until = s.now() + kAfterEffect;
    a.refusal_factor = kDisunity;
    trace(s, TraceKind::Decision, d.serial, w.flanks.empty() ? kNone : w.flanks[d.flank].region,
          kNone, "Article 4: no consultation requested after the incursion into " + state);
  }
  reschedule_flanks(s);
}

void Simulation::Rules::flank_day_ends(Simulation& s) {
  World& w = s.world_;
  const bool more = reinforced(w.alliance, s.now());
  for (std::uint32_t f = 0; f < w.flanks.size(); ++f) {
    const Profile& p = profile(s.theatre_, w.flanks[f].region);
    const auto cap = static_cast<std::int32_t>(p.magazine * (more ? kReinforcedMagazine : 1.0));
    Flank& fl = w.flanks[f];
    fl.magazine = std::max(fl.magazine, std::min(cap, fl.magazine + p.resupply));
  }
}

double Simulation::Rules::refusal_odds(const Simulation& s, const Nation& n) {
  const Alliance& a = s.world_.alliance;
  const double factor = s.now() < a.cohesion_until ? a.refusal_factor : 1.0;
  return std::clamp(n.refusal * factor, 0.0, 1.0);
}

double Simulation::Rules::alliance_signal(const Simulation& s) {
  const Alliance& a = s.world_.alliance;
  return reinforced(a, s.now()) ? -1.0 : emboldened(a, s.now()) ? 1.0 : 0.0;
}

}  // namespace rfsim::sim
