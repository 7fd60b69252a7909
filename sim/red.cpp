// Red as a side: an escalation ladder per contact sector, moved by a doctrine that weighs what
// Red can perceive (armed coalition presence and its caveats, how promptly its violations were
// answered, US support, coalition cohesion, time since the truce, its own losses, the force
// ratio), or by a Red player. A step to a limited offensive under a ceasefire breaks it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Each step is a band of Red's escalation score: it holds there, and the further the score
// lies past an edge, the likelier a move across it at a review. The general offensive is a
// theatre decision (kGeneralOffensiveAt).
constexpr std::array<double, kRedStepCount> kBandLow = {-kInf, -3.0, -1.5, 1.0, kInf};
constexpr std::array<double, kRedStepCount> kBandHigh = {-3.0, -1.5, 1.0, kInf, kInf};
constexpr double kGeneralOffensiveAt = 3.5;  // theatre score for an offensive all along the line
constexpr double kGeneralOffensiveEnds = 1.5;

// The score: the regime's restraint, then what Red perceives (docs/model.md "Red"). The biases
// put the shipped scenarios' Red in the middle of the band its regime starts at, where it holds
// (our calibration choice); each weight says how far one input moves Red from there.
constexpr std::array<double, kRegimeCount> kRegimeBias = {3.4, 0.0, -2.5};  // none, partial, full
constexpr double kWeightImpunity = 2.0;
constexpr double kWeightDeterrent = 3.0;
constexpr double kWeightUs = 1.2;
constexpr double kWeightDisunity = 1.5;
constexpr double kWeightCommitment = 1.5;
constexpr double kWeightTruce = 0.8;
constexpr double kWeightLosses = 5.0;
constexpr double kWeightRatio = 0.7;
constexpr double kWeightAlliance = 0.3;  // NATO reinforced (-1) or a consultation declined (+1)
constexpr double kImpunityPrior = 0.5;   // what Red assumes before it has seen any answers
// Red attacks a sector when its ground power there outweighs the prepared defence; in a
// general offensive, it attacks at less (assumption).
constexpr double kLocalAttackRatio = 1.0;
constexpr double kGeneralAttackRatio = 0.8;

double sigmoid(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

}  // namespace

void Simulation::Rules::init_sectors(Simulation& s) {
  World& w = s.world_;
  const Handles& h = *s.handles_;
  w.sectors.assign(h.sector_regions.size(), Sector{});
  const RedStep start = start_step(w.regime);
  for (std::uint32_t i = 0; i < w.sectors.size(); ++i) {
    Sector& sec = w.sectors[i];
    sec.region = h.sector_regions[i];
    sec.step = start;
    // Reviews staggered over the period, so the sectors do not all move at once.
    const Duration first =
        Duration::ms(rules::kRedReviewEvery.count_ms() * static_cast<std::int64_t>(i + 1) /
                     static_cast<std::int64_t>(w.sectors.size()));
    sec.review = w.loop.schedule_in(first, RedReview{i});
    sec.impunity = kImpunityPrior;
  }
  w.red = RedMind{};
  w.red.impunity = kImpunityPrior;
  w.red.truce_since = s.now();
  // A full ceasefire starts as a fresh agreement that holds Red at first; a partial one, or
  // none, is the standing situation.
  w.red.commitment = w.regime == Regime::Full ? 1.0 : 0.0;
  w.red.commitment_at = s.now();
  w.red.losses_at = s.now();
  w.measures.highest_step = start;
  w.red.review = w.loop.schedule_in(rules::kTheatreReviewEvery, TheatreReview{});
}

void Simulation::Rules::complete(Simulation& s) {
  World& w = s.world_;
  // Layout 1 held no units' strength (every unit was at full strength) and no sectors.
  bool any_strength = false;
  for (const Unit& u : w.units) any_strength = any_strength || u.strength > 0;
  if (!any_strength) {
    for (Unit& u : w.units) u.strength = s.scenario_.units[u.spec].strength;
  }
  if (w.sectors.size() != s.handles_->sector_regions.size()) {
    init_sectors(s);
    set_base_rates(s);
  }
  // Layout 4 held no deployment's ordered means nor the end of its notice: it set off then
  // (there was no lift to wait for).
  for (Unit& u : w.units) {
    if (u.state != UnitState::Deploying) continue;
    if (u.ready < u.ordered || (u.ready == SimTime() && w.lift_bookings.empty())) {
      u.ready = u.depart;
      u.mode = u.by == map::Mobility::Rail      ? DeployMode::Rail
               : u.by == map::Mobility::Airlift ? DeployMode::Airlift
               : u.by == map::Mobility::Sealift ? DeployMode::Sealift
                                                : DeployMode::Road;
    }
  }
  // Layout 2 held no flank states.
  if (w.flanks.size() != s.handles_->flank_regions.size()) {
    init_flanks(s);
    reschedule_flanks(s);
  }
}

double Simulation::Rules::mean_step(const Simulation& s) {
  const World& w = s.world_;
  if (w.sectors.empty()) return static_cast<double>(start_step(w.regime));
  double sum = 0;
  for (const Sector& sec : w.sectors) sum += static_cast<double>(sec.step);
  return sum / static_cast<double>(w.sectors.size());
}

namespace {

// Brings the commitment and the losses memory up to date: both fade with time.
void fade(RedMind& red, SimTime now, double impunity) {
  const double days = (now - red.commitment_at).as_hours() / 24.0;
  if (days > 0) {
    // Enforcement holds a commitment: it fades four times slower when violations are answered.
    const double rate = (0.25 + 1.5 * impunity) / rules::kCommitmentDays;
    red.commitment *= std::exp(-rate * days);
    if (red.commitment < 1e-6) red.commitment = 0;
    red.commitment_at = now;
  }
  const double ldays = (now - red.losses_at).as_hours() / 24.0;
  if (ldays > 0) {
    red.losses *= std::exp(-ldays / rules::kLossesDays);
    if (red.losses < 1e-9) red.losses = 0;
    red.losses_at = now;
  }
}

}  // namespace

namespace {

double red_committed(const World& w, const Scenario& sc) {
  double sum = 0;
  for (const Unit& u : w.units) {
    if (sc.nations[sc.units[u.spec].nation].side == Side::Russia) {
      sum += sc.units[u.spec].strength;
    }
  }
  return sum;
}

}  // namespace

RedOutlook Simulation::Rules::perceive(const Simulation& s, const Sector& sec,
                                       const RedMind& mind) {
  const World& w = s.world_;
  const Scenario& sc = s.scenario_;
  const map::Theatre& t = s.theatre_;
  RedOutlook p;
  // Armed coalition troops whose caveats let them fight: in and next to the sector, and in the
  // theatre as a whole. Observers, drones and logistics do not deter (Hultman et al.).
  double local = 0, theatre = 0, total = 0, withdrawn = 0;
  for (const Unit& u : w.units) {
    const UnitSpec& sp = sc.units[u.spec];
    const Nation& n = sc.nations[sp.nation];
    if (n.side != Side::Coalition) continue;
    // Units still at home (or on their way) are not yet the force Red weighs.
    if (sp.readiness != Readiness::InTheatre && u.station == kNone) continue;
    total += sp.strength;
    if (u.state == UnitState::Withdrawn) withdrawn += sp.strength;
    if (!in_play(u.state) || !is_armed(sp.type)) continue;
    theatre += u.strength * (n.max_level == ResponseLevel::Engage ? 1.0 : 0.3);
    if (u.at == sec.region || t.link_between(u.at, sec.region)) {
      local += u.strength * willingness(n, sec.region);
    }
  }
  p.deterrent = 0.5 * std::min(1.0, local / rules::kLocalDeterrentAt) +
                0.5 * std::min(1.0, theatre / rules::kTheatreDeterrentAt);
  p.impunity = 0.6 * sec.impunity + 0.4 * mind.impunity;
  p.us = w.us_support == UsSupport::Full ? 1.0 : w.us_support == UsSupport::IntelOnly ? 0.4 : 0.0;
  p.cohesion =
      std::clamp(1.0 - (total > 0 ? withdrawn / total : 0.0) - 0.5 * mind.refusal_rate, 0.0, 1.0);
  p.commitment = mind.commitment;
  if (w.regime != Regime::None) {
    p.truce =
        std::min(1.0, (s.now() - mind.truce_since).as_hours() / 24.0 / rules::kConsolidationDays);
  }
  p.losses = mind.losses;
  const Forces f = forces_in(s, sec.region, sec.battle);
  if (f.red > 0) {
    p.ratio = f.red / std::max(1.0, (f.ukraine + f.coalition) * rules::kDefencePosture);
  }
  p.score = kRegimeBias[static_cast<std::size_t>(w.regime)] + kWeightImpunity * p.impunity -
            kWeightDeterrent * p.deterrent - kWeightUs * p.us +
            kWeightDisunity * (1.0 - p.cohesion) - kWeightCommitment * p.commitment -
            kWeightTruce * p.truce - kWeightLosses * p.losses +
            kWeightRatio * std::log(std::max(p.ratio, 0.05)) + kWeightAlliance * alliance_signal(s);
  return p;
}

namespace {

/// The chance of a step up and of a step down at this review.
std::pair<double, double> move_odds(RedStep step, double score) {
  const auto i = static_cast<std::size_t>(step);
  double up = 0, down = 0;
  if (step < RedStep::LimitedOffensive) {
    up = rules::kMaxMoveOdds * sigmoid(rules::kTransitionSlope * (score - kBandHigh[i]));
  }
  if (step > RedStep::Compliance && step < RedStep::GeneralOffensive) {
    down = rules::kMaxMoveOdds * sigmoid(rules::kTransitionSlope * (kBandLow[i] - score));
  }
  return {up, down};
}

std::string describe(const RedOutlook& p) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "score %.2f: impunity %.2f, deterrent %.2f, US %.1f, cohesion %.2f, "
                "commitment %.2f, truce %.2f, losses %.3f, force ratio %.2f",
                p.score, p.impunity, p.deterrent, p.us, p.cohesion, p.commitment, p.truce, p.losses,
                p.ratio);
  return buf;
}

bool red_played(const Scenario& sc) {
  for (const Nation& n : sc.nations) {
    if (n.side == Side::Russia && n.ask) return true;
  }
  return false;
}

}  // namespace

void Simulation::Rules::on_red_review(Simulation& s, const RedReview& e) {
  World& w = s.world_;
  if (e.sector >= w.sectors.size()) return;
  Sector& sec = w.sectors[e.sector];
  sec.review = w.loop.schedule_in(rules::kRedReviewEvery, RedReview{e.sector});
  fade(w.red, s.now(), w.red.impunity);
  const RedOutlook p = perceive(s, sec, w.red);
  if (w.red.general_offensive) {  // the theatre decides the step; the sector attacks again
    if (!sec.battle && p.ratio >= kGeneralAttackRatio) start_battle(s, e.sector);
    return;
  }
  const auto [up, down] = move_odds(sec.step, p.score);
  // At a limited offensive, Red attacks again once it has regrouped and outweighs the defence.
  if (sec.step >= RedStep::LimitedOffensive && !sec.battle && p.ratio >= kLocalAttackRatio) {
    start_battle(s, e.sector);
  }
  RandomStream& rng = *s.handles_->red[e.sector];
  const double draw = rng.uniform();
  const int doctrine = draw < up ? 0 : draw < up + down ? 2 : 1;  // up, hold, down
  const RedStep now = sec.step;
  const auto next = static_cast<RedStep>(static_cast<int>(now) + 1);
  const auto prev = static_cast<RedStep>(std::max(0, static_cast<int>(now) - 1));
  if (red_played(s.scenario_)) {
    Decision d;
    d.id = w.next_decision_id++;
    d.kind = Decision::Kind::RedStep;
    d.asked = s.now();
    d.sector = e.sector;
    d.violation = 0;
    DecisionOption o;
    o.step = up > 0 ? next : now;
    o.odds = up;
    d.options.push_back(o);  // escalate
    o.step = now;
    o.odds = 1.0 - up - down;
    d.options.push_back(o);  // hold
    o.step = down > 0 ? prev : now;
    o.odds = down;
    d.options.push_back(o);  // de-escalate
    d.doctrine = doctrine;
    trace(s, TraceKind::Decision, 0, sec.region, kNone,
          "Red asked in " + s.theatre_.region(sec.region).id + " at " +
              std::string(to_string(now)) + ": escalate " + percent(up) + ", hold " +
              percent(1.0 - up - down) + ", de-escalate " + percent(down) + " (" + describe(p) +
              ")");
    w.decisions.push_back(std::move(d));
    return;
  }
  const std::string why = describe(p) + "; odds up " + percent(up) + ", down " + percent(down);
  if (doctrine == 0) return set_step(s, e.sector, next, why);
  if (doctrine == 2) return set_step(s, e.sector, prev, why);
  // Holding is a decision too: the log says what Red saw.
  trace(s, TraceKind::RedStep, 0, sec.region, kNone,
        s.theatre_.region(sec.region).id + ": holds at " + std::string(to_string(now)) + " (" +
            why + ")");
}

RedOutlook Simulation::red_outlook(std::uint32_t sector) const {
  const Sector& sec = world_.sectors.at(sector);
  RedMind mind = world_.red;  // commitment and losses fade with time: as they stand now
  fade(mind, now(), mind.impunity);
  RedOutlook o = Rules::perceive(*this, sec, mind);
  const auto [up, down] = move_odds(sec.step, o.score);
  o.up = up;
  o.down = down;
  o.defence_holds = Rules::defence_holds(*this, sector);
  return o;
}

void Simulation::Rules::red_decide(Simulation& s, const Decision& d, const DecisionOption& choice) {
  if (d.sector >= s.world_.sectors.size()) return;
  if (s.world_.red.general_offensive) return;
  set_step(s, d.sector, choice.step, "Red player's choice");
}

void Simulation::Rules::on_theatre_review(Simulation& s) {
  World& w = s.world_;
  w.red.review = w.loop.schedule_in(rules::kTheatreReviewEvery, TheatreReview{});
  if (w.sectors.empty() || red_committed(w, s.scenario_) <= 0) return;
  if (w.regime != Regime::None && !w.red.general_offensive) return;  // no offensive in a truce
  fade(w.red, s.now(), w.red.impunity);
  double score = 0;
  for (const Sector& sec : w.sectors) {
    score += perceive(s, sec, w.red).score;
  }
  score /= static_cast<double>(w.sectors.size());
  RandomStream& rng = *s.handles_->red_theatre;
  const double draw = rng.uniform();
  if (!w.red.general_offensive) {
    const double go =
        rules::kMaxMoveOdds * sigmoid(rules::kTransitionSlope * (score - kGeneralOffensiveAt));
    if (draw >= go) return;
    w.red.general_offensive = true;
    trace(s, TraceKind::RedStep, 0, kNone, kNone,
          "Red opens a general offensive (theatre score " + std::to_string(score) + ")");
    for (std::uint32_t i = 0; i < w.sectors.size(); ++i) {
      set_step(s, i, RedStep::GeneralOffensive, "general offensive");
    }
    return;
  }
  const double stop =
      rules::kMaxMoveOdds * sigmoid(rules::kTransitionSlope * (kGeneralOffensiveEnds - score));
  if (draw >= stop) return;
  w.red.general_offensive = false;
  trace(s, TraceKind::RedStep, 0, kNone, kNone,
        "Red's general offensive ends (theatre score " + std::to_string(score) + ")");
  for (std::uint32_t i = 0; i < w.sectors.size(); ++i) {
    set_step(s, i, RedStep::LimitedOffensive, "the general offensive ends");
  }
}

void Simulation::Rules::set_step(Simulation& s, std::uint32_t i, RedStep step,
                                 const std::string& why) {
  World& w = s.world_;
  Sector& sec = w.sectors[i];
  if (sec.step == step) return;
  const RedStep was = sec.step;
  sec.step = step;
  sec.step_since = s.now();
  Measures& m = w.measures;
  if (step > was) {
    ++m.red_escalations;
  } else {
    ++m.red_deescalations;
  }
  m.highest_step = std::max(m.highest_step, step);
  trace(s, TraceKind::RedStep, 0, sec.region, kNone,
        s.theatre_.region(sec.region).id + ": " + std::string(to_string(was)) + " -> " +
            std::string(to_string(step)) + " (" + why + ")");
  // The truce's fate: shelling frays a full ceasefire into a partial one; a local attack is
  // fought under the partial ceasefire; attacks on half the line or more break it.
  std::size_t attacking = 0;
  for (const Sector& x : w.sectors) attacking += x.step >= RedStep::LimitedOffensive ? 1 : 0;
  if (w.regime != Regime::None && 2 * attacking >= w.sectors.size()) {
    w.regime = Regime::None;
    if (!m.ceasefire_broken) {
      m.ceasefire_broken = true;
      m.broken_at = s.now();
    }
    trace(s, TraceKind::CeasefireBroken, 0, sec.region, kNone,
          "Red attacks on " + std::to_string(attacking) + " of " +
              std::to_string(w.sectors.size()) + " sectors: the ceasefire breaks");
  } else if (step >= RedStep::Pressure && w.regime == Regime::Full) {
    w.regime = Regime::Partial;
    trace(s, TraceKind::CeasefireBroken, 0, sec.region, kNone,
          "Red steps up in " + s.theatre_.region(sec.region).id +
              ": the full ceasefire frays into a partial one");
  }
  set_base_rates(s);  // the sector's rates, and the rear's, follow the ladder
  if (step >= RedStep::LimitedOffensive && !sec.battle) start_battle(s, i);
  if (step < RedStep::LimitedOffensive && sec.battle) end_battle(s, i, "Red stands down");
}

void Simulation::Rules::reckon(Simulation& s, Violation& v, bool prompt) {
  if (!v.answerable) return;
  v.answerable = false;  // judged once
  World& w = s.world_;
  const double x = prompt ? 0.0 : 1.0;
  w.red.impunity += rules::kImpunityWeight * (x - w.red.impunity);
  const std::uint32_t i = s.handles_->sector_of[v.region];
  if (i != kNone && i < w.sectors.size()) {
    Sector& sec = w.sectors[i];
    sec.impunity += rules::kImpunityWeight * (x - sec.impunity);
  }
}

void Simulation::Rules::note_refusal(Simulation& s, bool refused) {
  RedMind& red = s.world_.red;
  red.refusal_rate += 0.1 * ((refused ? 1.0 : 0.0) - red.refusal_rate);
}

void Simulation::Rules::note_red_losses(Simulation& s, double personnel) {
  World& w = s.world_;
  const double committed = red_committed(w, s.scenario_);
  fade(w.red, s.now(), w.red.impunity);
  if (committed > 0) w.red.losses += personnel / committed;
  w.measures.red_losses += static_cast<std::int64_t>(std::llround(personnel));
  w.measures.today.red_losses += static_cast<std::int64_t>(std::llround(personnel));
}

void Simulation::Rules::recommit(Simulation& s, Regime regime) {
  World& w = s.world_;
  if (w.red.general_offensive && regime != Regime::None) {
    w.red.general_offensive = false;
    trace(s, TraceKind::RedStep, 0, kNone, kNone, "the general offensive ends with the new regime");
  }
  for (std::uint32_t i = 0; i < w.sectors.size(); ++i) {
    set_step(s, i, start_step(regime), "the regime is set to " + std::string(to_string(regime)));
  }
  w.regime = regime;  // set_step may have broken it on the way; the inject's regime stands
  w.red.truce_since = s.now();
  w.red.commitment = regime == Regime::None ? 0.0 : 1.0;
  w.red.commitment_at = s.now();
}

}  // namespace rfsim::sim
