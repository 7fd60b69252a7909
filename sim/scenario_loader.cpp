// TOML scenario loading with toml++: every value is checked, and every error names the file,
// the line:column, the field path and what was expected.
#include "sim/scenario_loader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <utility>

#include "io/spelling.hpp"
#include "io/toml_reader.hpp"

namespace rfsim::sim {

namespace {

// The one TOML reader (io/toml_reader.hpp), with what only scenarios read: durations and
// region ids of the theatre; and the problems found so far. A field that cannot be read is
// recorded and the reading goes on with the next one, so `rfsim validate` lists them all.
class Reader : public io::TomlReader {
 public:
  Reader(std::string file, const map::Theatre& theatre)
      : io::TomlReader(std::move(file)), theatre_(theatre) {}

  Duration duration(const toml::table& t, const std::string& path, std::string_view key,
                    std::optional<Duration> fallback) const {
    const toml::node* n = fallback ? t.get(key) : require(t, path, key, "a duration like \"72h\"");
    if (n == nullptr) return *fallback;
    if (!n->is_string()) fail(n, join(path, key), "expected a duration in quotes, like \"72h\"");
    try {
      return parse_duration(n->as_string()->get());
    } catch (const std::invalid_argument& e) {
      fail(n, join(path, key), e.what());
    }
  }

  map::RegionId region(const toml::node* n, const std::string& path) const {
    if (!n->is_string()) fail(n, path, "expected a region id in quotes, like \"kharkiv\"");
    const std::string& s = n->as_string()->get();
    const std::optional<map::RegionId> r = theatre_.find(s);
    if (!r) {
      std::vector<std::string> ids;
      for (const map::Region& g : theatre_.regions()) ids.push_back(g.id);
      fail(n, path,
           "unknown region \"" + s + "\"" + io::did_you_mean(s, ids) +
               " (expected a region id of the theatre, e.g. kharkiv, kyiv_city, "
               "sector_pokrovsk, rzeszow; see docs/theatre.md)");
    }
    return *r;
  }

  map::RegionId region(const toml::table& t, const std::string& path, std::string_view key) const {
    return region(require(t, path, key, "a region id"), join(path, key));
  }

  const map::Theatre& theatre() const { return theatre_; }

  /// Runs `read`; a problem it throws is recorded. Whether it read without one.
  template <class F>
  bool ok(F&& read) const {
    try {
      read();
      return true;
    } catch (const io::TomlError& e) {
      add(e);
      return false;
    }
  }

  /// Records a problem. A missing field that an unknown one was taken to be a typo of is not
  /// one more problem: `strenght` is the message, not `strength` missing as well.
  void add(const io::TomlError& e) const {
    if (e.message().starts_with("missing") && typo_of_.count(e.path()) > 0) return;
    if (problems_.size() >= kMaxListedProblems) {
      ++unlisted_;
      return;
    }
    problems_.push_back(e);
  }

  /// Records every unknown key of `t`.
  void keys(const toml::table& t, const std::string& path,
            std::initializer_list<std::string_view> allowed) const {
    const std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const io::TomlError& e : unknown_keys(t, path, allowed)) {
      const std::string key = e.path().substr(path.empty() ? 0 : path.size() + 1);
      if (const auto near = io::nearest(key, names)) typo_of_.insert(join(path, *near));
      add(e);
    }
  }

  std::vector<ScenarioError>& problems() const { return problems_; }
  std::size_t unlisted() const { return unlisted_; }

 private:
  const map::Theatre& theatre_;
  mutable std::vector<ScenarioError> problems_;
  mutable std::size_t unlisted_ = 0;
  mutable std::set<std::string> typo_of_;  // paths of fields an unknown key misspells
};

// What later parts need to know of earlier ones that could not be read, so that one problem is
// not reported again as others ("unknown nation" for a nation whose code was the problem).
struct Gaps {
  bool nation_codes = false;  // a nation's code could not be read
  bool unit_ids = false;      // a unit's id (or a whole [[units]] table) could not be read
};

std::vector<std::string> codes_of(const Scenario& s) {
  std::vector<std::string> codes;
  for (const Nation& n : s.nations) codes.push_back(n.code);
  return codes;
}

std::string indexed(std::string_view key, std::size_t i) {
  return io::TomlReader::indexed(key, i);
}

void read_header(const Reader& r, const toml::table& root, Scenario& s) {
  const toml::table* header = nullptr;
  if (!r.ok([&] {
        header = &r.table(r.require(root, "", "scenario", "a [scenario] table"), "scenario");
      })) {
    return;
  }
  const toml::table& t = *header;
  const std::string p = "scenario";
  r.keys(
      t, p,
      {"name", "description", "seed", "length", "regime", "us_support", "response_standard", "hq",
       "cameras_per_sector", "decisions", "airlift_loads_per_day", "gauge_trains_per_day"});
  r.ok([&] { s.name = r.string(t, p, "name"); });
  r.ok([&] { s.description = r.string(t, p, "description", ""); });
  r.ok([&] { s.seed = static_cast<std::uint64_t>(r.integer(t, p, "seed", 0, INT64_MAX, 1)); });
  r.ok([&] {
    s.length = r.duration(t, p, "length", Duration::days(30));
    if (s.length == Duration()) {
      s.length = Duration::days(30);
      r.fail(t.get("length"), "scenario.length", "expected a positive duration");
    }
  });
  r.ok([&] {
    s.regime = r.choice<Regime>(t, p, "regime", regime_from, names_of_regimes(), std::nullopt);
  });
  r.ok([&] {
    s.us_support = r.choice<UsSupport>(t, p, "us_support", us_support_from, names_of_us_support(),
                                       UsSupport::Full);
  });
  r.ok([&] { s.response_standard = r.duration(t, p, "response_standard", Duration::hours(6)); });
  s.hq = r.theatre().require("kyiv_city");
  r.ok([&] {
    if (t.get("hq")) s.hq = r.region(t, p, "hq");
  });
  r.ok([&] {
    s.cameras_per_sector =
        static_cast<std::int32_t>(r.integer(t, p, "cameras_per_sector", 0, 1000, 3));
  });
  r.ok([&] {
    s.decisions = r.choice<DecisionMode>(t, p, "decisions", decision_mode_from,
                                         names_of_decision_modes(), DecisionMode::Auto);
  });
  r.ok([&] {
    s.airlift_loads_per_day =
        static_cast<std::int32_t>(r.integer(t, p, "airlift_loads_per_day", 1, 10000, 12));
  });
  r.ok([&] {
    s.gauge_trains_per_day =
        static_cast<std::int32_t>(r.integer(t, p, "gauge_trains_per_day", 1, 10000, 4));
  });
}

void read_shares(const Reader& r, const toml::table& t, const std::string& p, StepRates& rr) {
  const toml::node* sh = t.get("shares");
  if (sh == nullptr) return;
  const toml::table* shares = nullptr;
  if (!r.ok([&] { shares = &r.table(sh, p + ".shares"); })) return;
  rr.share.fill(0);
  double sum = 0;
  bool all = true;
  for (auto&& entry : *shares) {
    // Named, not bound: clang 14 (the asan preset) cannot capture structured bindings.
    const toml::key& vk = entry.first;
    const toml::node& vv = entry.second;
    const std::string vp = p + ".shares." + std::string(vk.str());
    all &= r.ok([&] {
      const std::optional<ViolationType> type = violation_type_from(vk.str());
      if (!type) {
        r.fail(&vv, vp,
               "unknown violation type" +
                   io::TomlReader::suggest(vk.str(), names_of_violation_types()) + " (expected " +
                   names_of_violation_types() + ")");
      }
      const double v = r.number(*shares, p + ".shares", vk.str(), 0, 1, std::nullopt);
      rr.share[static_cast<std::size_t>(*type)] = v;
      sum += v;
    });
  }
  if (all && std::abs(sum - 1.0) > 1e-6) {
    r.add(r.error_at(sh, p + ".shares",
                     "shares must add up to 1, they add up to " + std::to_string(sum)));
  }
}

void read_rates(const Reader& r, const toml::table& root, Scenario& s) {
  s.rates = default_rates();
  const toml::node* n = root.get("rates");
  if (n == nullptr) return;
  const toml::table* rates = nullptr;
  if (!r.ok([&] { rates = &r.table(n, "rates"); })) return;
  // Keys are ladder steps; a regime's name stands for the step it starts at (the format of
  // scenarios written before the ladder, which saves carry).
  for (auto&& entry : *rates) {
    const toml::key& key = entry.first;  // named, not bound: as in read_shares
    const toml::node& value = entry.second;
    const std::string p = "rates." + std::string(key.str());
    std::optional<RedStep> step = red_step_from(key.str());
    if (!step) {
      if (const std::optional<Regime> regime = regime_from(key.str())) step = start_step(*regime);
    }
    if (!step) {
      r.add(r.error_at(&value, p,
                       "unknown field \"" + std::string(key.str()) +
                           "\" (expected a step of Red's ladder: " + names_of_red_steps() +
                           "; or a regime, for the step it starts at: " + names_of_regimes() +
                           ")"));
      continue;
    }
    StepRates& rr = s.rates[static_cast<std::size_t>(*step)];
    const toml::table* t = nullptr;
    if (!r.ok([&] { t = &r.table(&value, p); })) continue;
    r.keys(*t, p, {"per_day", "shares"});
    r.ok([&] { rr.per_day = r.number(*t, p, "per_day", 0, 1e6, rr.per_day); });
    read_shares(r, *t, p, rr);
  }
}

void read_nations(const Reader& r, const toml::table& root, Scenario& s, Gaps& gaps) {
  std::vector<const toml::table*> nations;
  if (!r.ok([&] { nations = r.tables(root, "nations"); })) {
    gaps.nation_codes = true;
    return;
  }
  if (nations.empty()) {
    r.add(r.error_at(&root, "nations", "expected at least one [[nations]] table"));
    gaps.nation_codes = true;
    return;
  }
  if (nations.size() > kMaxNations) {
    r.add(r.error_at(nations[kMaxNations], indexed("nations", kMaxNations),
                     "too many nations (expected at most " + std::to_string(kMaxNations) + ")"));
    nations.resize(kMaxNations);
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < nations.size(); ++i) {
    const toml::table& t = *nations[i];
    const std::string p = indexed("nations", i);
    r.keys(t, p,
           {"code", "name", "side", "max_response", "allowed_regions", "approval_median",
            "approval_spread", "refusal", "decisions"});
    Nation n;
    if (r.ok([&] { n.code = r.string(t, p, "code"); })) {
      if (!seen.insert(n.code).second) {
        r.add(r.error_at(t.get("code"), p + ".code", "duplicate nation code \"" + n.code + "\""));
      }
    } else {
      gaps.nation_codes = true;
    }
    r.ok([&] { n.name = r.string(t, p, "name", n.code); });
    r.ok([&] {
      n.side = r.choice<Side>(t, p, "side", side_from, names_of_sides(), Side::Coalition);
    });
    r.ok([&] {
      n.max_level = r.choice<ResponseLevel>(t, p, "max_response", response_level_from,
                                            names_of_response_levels(), ResponseLevel::Engage);
    });
    if (const toml::node* a = t.get("allowed_regions")) {
      if (!a->is_array()) {
        r.add(r.error_at(a, p + ".allowed_regions", "expected an array of region ids"));
      } else {
        std::size_t j = 0;
        for (const toml::node& e : *a->as_array()) {
          r.ok([&] { n.allowed.push_back(r.region(&e, indexed(p + ".allowed_regions", j))); });
          ++j;
        }
      }
    }
    r.ok([&] { n.approval_median = r.duration(t, p, "approval_median", Duration::minutes(30)); });
    r.ok([&] { n.approval_sigma = r.number(t, p, "approval_spread", 0, 3, 0.5); });
    r.ok([&] { n.refusal = r.number(t, p, "refusal", 0, 1, 0.0); });
    if (const toml::node* d = t.get("decisions")) {
      const std::string mode = d->is_string() ? d->as_string()->get() : "";
      if (mode != "auto" && mode != "ask") {
        r.add(r.error_at(d, p + ".decisions",
                         "expected \"auto\" (doctrine decides: approvals drawn from "
                         "approval_median and refusal; for Russia, its ladder) or \"ask\" (a "
                         "player decides)"));
      }
      n.ask = mode == "ask";
    }
    s.nations.push_back(std::move(n));
  }
}

// The index of the nation whose code is at `key` of `t`; nullopt when it cannot be read or is
// unknown (recorded, unless a nation's own code was the problem).
std::optional<std::uint32_t> nation_of(const Reader& r, const toml::table& t, const std::string& p,
                                       std::string_view key, const Scenario& s, const Gaps& gaps,
                                       const std::string& expected) {
  std::optional<std::uint32_t> out;
  r.ok([&] {
    const std::string code = r.string(t, p, key);
    const auto it = std::find_if(s.nations.begin(), s.nations.end(),
                                 [&](const Nation& n) { return n.code == code; });
    if (it != s.nations.end()) {
      out = static_cast<std::uint32_t>(it - s.nations.begin());
    } else if (!gaps.nation_codes) {
      r.fail(t.get(key), io::TomlReader::join(p, key),
             "unknown nation \"" + code + "\"" + io::did_you_mean(code, codes_of(s)) + expected);
    }
  });
  return out;
}

void read_units(const Reader& r, const toml::table& root, Scenario& s, Gaps& gaps) {
  std::vector<const toml::table*> units;
  if (!r.ok([&] { units = r.tables(root, "units"); })) {
    gaps.unit_ids = true;
    return;
  }
  if (units.empty()) {
    r.add(r.error_at(&root, "units", "expected at least one [[units]] table"));
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const toml::table& t = *units[i];
    const std::string p = indexed("units", i);
    r.keys(t, p,
           {"id", "nation", "type", "strength", "home", "mobility", "notice", "munitions", "count",
            "readiness", "deploy_to", "deploy_by"});
    UnitSpec u;
    const bool id_ok = r.ok([&] { u.id = r.string(t, p, "id"); });
    if (!id_ok) gaps.unit_ids = true;
    u.nation = nation_of(r, t, p, "nation", s, gaps, " (expected the code of a [[nations]] entry)")
                   .value_or(0);
    const bool type_ok = r.ok([&] {
      u.type =
          r.choice<UnitType>(t, p, "type", unit_type_from, names_of_unit_types(), std::nullopt);
    });
    r.ok([&] {
      u.strength = static_cast<std::int32_t>(r.integer(t, p, "strength", 1, 100'000, std::nullopt));
    });
    r.ok([&] { u.home = r.region(t, p, "home"); });
    if (type_ok) {
      r.ok([&] {
        u.mobility = r.choice<map::Mobility>(t, p, "mobility", mobility_from, names_of_mobilities(),
                                             default_mobility(u.type));
      });
    }
    r.ok([&] { u.notice = r.duration(t, p, "notice", Duration::hours(2)); });
    r.ok([&] {
      u.munitions = static_cast<std::int32_t>(
          r.integer(t, p, "munitions", 0, 100'000, default_munitions(u.type)));
    });
    const bool readiness_ok = r.ok([&] {
      u.readiness = r.choice<Readiness>(t, p, "readiness", readiness_from, names_of_readiness(),
                                        Readiness::InTheatre);
    });
    if (readiness_ok && u.readiness == Readiness::InTheatre) {
      for (const char* key : {"deploy_to", "deploy_by"}) {
        if (t.get(key) != nullptr) {
          r.add(r.error_at(t.get(key), p + "." + key,
                           "only a unit held at home deploys on a surge (expected readiness = "
                           "vjtf, arf or follow_on with it)"));
        }
      }
    } else if (readiness_ok) {
      r.ok([&] { u.deploy_to = r.region(t, p, "deploy_to"); });
      r.ok([&] {
        u.deploy_by = r.choice<DeployMode>(t, p, "deploy_by", deploy_mode_from,
                                           names_of_deploy_modes(), DeployMode::Best);
      });
    }
    std::int64_t count = 1;
    r.ok([&] { count = r.integer(t, p, "count", 1, 1000, 1); });
    if (const std::size_t total = s.units.size() + static_cast<std::size_t>(count);
        total > kMaxUnits) {
      // The cap bounds memory: no unit after it is read.
      const toml::node* at = t.get("count") != nullptr ? t.get("count") : &t;
      r.add(r.error_at(at, p + (at == &t ? "" : ".count"),
                       "too many units: " + std::to_string(total) +
                           " with these (expected at most " + std::to_string(kMaxUnits) +
                           " in a scenario, copies included)"));
      gaps.unit_ids = true;
      return;
    }
    for (std::int64_t k = 1; k <= count; ++k) {
      UnitSpec copy = u;
      if (count > 1) copy.id += "-" + std::to_string(k);
      if (id_ok && !seen.insert(copy.id).second) {
        r.add(r.error_at(t.get("id"), p + ".id", "duplicate unit id \"" + copy.id + "\""));
      }
      s.units.push_back(std::move(copy));
    }
  }
}

// The index of the unit named at `unit`; nullopt when it cannot be read or is unknown.
std::optional<std::uint32_t> unit_of(const Reader& r, const toml::table& t, const std::string& p,
                                     const Scenario& s, const Gaps& gaps) {
  std::optional<std::uint32_t> out;
  r.ok([&] {
    const std::string id = r.string(t, p, "unit");
    const auto it =
        std::find_if(s.units.begin(), s.units.end(), [&](const UnitSpec& u) { return u.id == id; });
    if (it != s.units.end()) {
      out = static_cast<std::uint32_t>(it - s.units.begin());
    } else if (!gaps.unit_ids) {
      r.fail(
          t.get("unit"), p + ".unit",
          "unknown unit \"" + id + "\" (expected the id of a unit; copies are <id>-1, <id>-2...)");
    }
  });
  return out;
}

void read_inject_fields(const Reader& r, const toml::table& t, const std::string& p,
                        const Scenario& s, const Gaps& gaps, Inject& in) {
  switch (in.kind) {
    case InjectKind::Decide:
      r.add(r.error_at(t.get("kind"), p + ".kind",
                       "\"decide\" answers a decision during play and cannot be scheduled "
                       "(expected " +
                           names_of_inject_kinds() + " except decide)"));
      break;
    case InjectKind::CancelMsel:
    case InjectKind::ScheduleMsel:
      r.add(r.error_at(t.get("kind"), p + ".kind",
                       "\"" + std::string(to_string(in.kind)) +
                           "\" edits the MSEL during play and cannot be scheduled (expected a "
                           "kind from set_regime to deploy except decide)"));
      break;
    case InjectKind::SetRegime:
      r.ok([&] {
        in.regime = r.choice<Regime>(t, p, "regime", regime_from, names_of_regimes(), std::nullopt);
      });
      break;
    case InjectKind::SetUsSupport:
      r.ok([&] {
        in.us = r.choice<UsSupport>(t, p, "us_support", us_support_from, names_of_us_support(),
                                    std::nullopt);
      });
      break;
    case InjectKind::NationWithdraws:
      in.nation = nation_of(r, t, p, "nation", s, gaps, "").value_or(0);
      break;
    case InjectKind::Provocation:
      r.ok([&] { in.region = r.region(t, p, "region"); });
      r.ok([&] { in.count = static_cast<std::int32_t>(r.integer(t, p, "count", 1, 10'000, 10)); });
      break;
    case InjectKind::CutLink:
    case InjectKind::RestoreLink: {
      const bool a = r.ok([&] { in.region = r.region(t, p, "region"); });
      const bool b = r.ok([&] { in.region_b = r.region(t, p, "to"); });
      if (a && b && !r.theatre().link_between(in.region, in.region_b)) {
        r.add(r.error_at(t.get("to"), p + ".to",
                         "no link between \"" + r.theatre().region(in.region).id + "\" and \"" +
                             r.theatre().region(in.region_b).id +
                             "\" (expected two linked regions)"));
      }
      break;
    }
    case InjectKind::Surge:
      if (t.get("nation") != nullptr) {
        in.nation = nation_of(r, t, p, "nation", s, gaps, "").value_or(0);
        in.any_nation = false;
      }
      r.ok([&] {
        in.tier = r.choice<Readiness>(t, p, "readiness", readiness_from, names_of_readiness(),
                                      Readiness::InTheatre);
      });
      if (t.get("unit") != nullptr) in.unit = unit_of(r, t, p, s, gaps).value_or(Inject::kAnyUnit);
      break;
    case InjectKind::Deploy:
      in.unit = unit_of(r, t, p, s, gaps).value_or(Inject::kAnyUnit);
      r.ok([&] { in.region = r.region(t, p, "to"); });
      r.ok([&] {
        in.mode = r.choice<DeployMode>(t, p, "mode", deploy_mode_from, names_of_deploy_modes(),
                                       DeployMode::Best);
      });
      break;
  }
}

void read_injects(const Reader& r, const toml::table& root, Scenario& s, const Gaps& gaps) {
  std::vector<const toml::table*> injects;
  if (!r.ok([&] { injects = r.tables(root, "injects"); })) return;
  for (std::size_t i = 0; i < injects.size(); ++i) {
    const toml::table& t = *injects[i];
    const std::string p = indexed("injects", i);
    r.keys(t, p,
           {"at", "kind", "regime", "us_support", "nation", "region", "to", "count", "note", "unit",
            "readiness", "mode"});
    Inject in;
    r.ok([&] {
      in.at = r.duration(t, p, "at", std::nullopt);
      if (in.at > s.length) {
        r.fail(t.get("at"), p + ".at",
               "the inject fires at " + format_duration(in.at) + ", after the scenario ends (" +
                   format_duration(s.length) + ")");
      }
    });
    r.ok([&] { in.note = r.string(t, p, "note", ""); });
    if (r.ok([&] {
          in.kind = r.choice<InjectKind>(t, p, "kind", inject_kind_from, names_of_inject_kinds(),
                                         std::nullopt);
        })) {
      read_inject_fields(r, t, p, s, gaps, in);
    }
    s.injects.push_back(std::move(in));
  }
  std::stable_sort(s.injects.begin(), s.injects.end(),
                   [](const Inject& a, const Inject& b) { return a.at < b.at; });
}

}  // namespace

map::Mobility default_mobility(UnitType t) {
  switch (t) {
    case UnitType::MechInfantry:
    case UnitType::AirDefence:
    case UnitType::RocketArtillery:
      return map::Mobility::Tracked;
    case UnitType::IsrDrone:
    case UnitType::FighterSquadron:
    case UnitType::Awacs:
      return map::Mobility::Air;
    case UnitType::NavalTaskGroup:
    case UnitType::MaritimeDrones:
      return map::Mobility::Sea;
    default:
      return map::Mobility::Wheeled;
  }
}

std::int32_t default_munitions(UnitType t) {
  return t == UnitType::AirDefence || t == UnitType::RocketArtillery ? 24 : 0;
}

ScenarioCheck check_scenario(std::string_view text, std::string_view source_name,
                             const map::Theatre& theatre) {
  const std::string file(source_name);
  ScenarioCheck out;
  toml::table root;
  try {
    root = io::TomlReader::parse(text, file);
  } catch (const io::TomlError& e) {
    // Text that is not TOML has no fields to go on with.
    out.problems.emplace_back(e.file(), e.line(), e.column(), e.path(), e.message());
    return out;
  }
  const Reader r(file, theatre);
  r.keys(root, "", {"scenario", "rates", "nations", "units", "injects"});
  Scenario s;
  s.source_name = file;
  s.source_text = std::string(text);
  Gaps gaps;
  read_header(r, root, s);
  read_rates(r, root, s);
  read_nations(r, root, s, gaps);
  read_units(r, root, s, gaps);
  read_injects(r, root, s, gaps);
  out.problems = std::move(r.problems());
  out.unlisted = r.unlisted();
  // File order (a problem with no place, line 0, first); the order read within one place.
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const ScenarioError& a, const ScenarioError& b) {
                     return std::pair(a.line(), a.column()) < std::pair(b.line(), b.column());
                   });
  if (out.problems.empty()) out.scenario = std::move(s);
  return out;
}

ScenarioCheck check_scenario_file(const std::filesystem::path& file, const map::Theatre& theatre) {
  std::ifstream in(file, std::ios::binary);
  ScenarioCheck out;
  if (!in) {
    out.problems.emplace_back(file.string(), 0, 0, "", "cannot open the file for reading");
    return out;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    out.problems.emplace_back(file.string(), 0, 0, "", "read error");
    return out;
  }
  return check_scenario(text.str(), file.string(), theatre);
}

Scenario parse_scenario(std::string_view text, std::string_view source_name,
                        const map::Theatre& theatre) {
  ScenarioCheck c = check_scenario(text, source_name, theatre);
  if (!c.problems.empty()) throw c.problems.front();
  return std::move(*c.scenario);
}

Scenario load_scenario(const std::filesystem::path& file, const map::Theatre& theatre) {
  ScenarioCheck c = check_scenario_file(file, theatre);
  if (!c.problems.empty()) throw c.problems.front();
  return std::move(*c.scenario);
}

}  // namespace rfsim::sim
