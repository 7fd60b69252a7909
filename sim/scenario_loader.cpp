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

#include "io/spelling.hpp"
#include "io/toml_reader.hpp"

namespace rfsim::sim {

ScenarioError::ScenarioError(std::string file, int line, int column, std::string path,
                             std::string message)
    : std::runtime_error(io::place_message(file, line, column, path, message)),
      file_(std::move(file)),
      path_(std::move(path)),
      message_(std::move(message)),
      line_(line),
      column_(column) {}

namespace {

// The one TOML reader (io/toml_reader.hpp), with what only scenarios read: durations and
// region ids of the theatre.
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

 private:
  const map::Theatre& theatre_;
};

std::vector<std::string> codes_of(const Scenario& s) {
  std::vector<std::string> codes;
  for (const Nation& n : s.nations) codes.push_back(n.code);
  return codes;
}

std::string indexed(std::string_view key, std::size_t i) {
  return io::TomlReader::indexed(key, i);
}

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

void read_header(const Reader& r, const toml::table& root, Scenario& s) {
  const toml::table& t = r.table(r.require(root, "", "scenario", "a [scenario] table"), "scenario");
  const std::string p = "scenario";
  r.only_keys(t, p,
              {"name", "description", "seed", "length", "regime", "us_support", "response_standard",
               "hq", "cameras_per_sector", "decisions"});
  s.name = r.string(t, p, "name");
  s.description = r.string(t, p, "description", "");
  s.seed = static_cast<std::uint64_t>(r.integer(t, p, "seed", 0, INT64_MAX, 1));
  s.length = r.duration(t, p, "length", Duration::days(30));
  if (s.length == Duration())
    r.fail(t.get("length"), "scenario.length", "expected a positive duration");
  s.regime = r.choice<Regime>(t, p, "regime", regime_from, names_of_regimes(), std::nullopt);
  s.us_support = r.choice<UsSupport>(t, p, "us_support", us_support_from, names_of_us_support(),
                                     UsSupport::Full);
  s.response_standard = r.duration(t, p, "response_standard", Duration::hours(6));
  s.hq = t.get("hq") ? r.region(t, p, "hq") : r.theatre().require("kyiv_city");
  s.cameras_per_sector =
      static_cast<std::int32_t>(r.integer(t, p, "cameras_per_sector", 0, 1000, 3));
  s.decisions = r.choice<DecisionMode>(t, p, "decisions", decision_mode_from,
                                       names_of_decision_modes(), DecisionMode::Auto);
}

void read_rates(const Reader& r, const toml::table& root, Scenario& s) {
  s.rates = default_rates();
  const toml::node* n = root.get("rates");
  if (n == nullptr) return;
  const toml::table& rates = r.table(n, "rates");
  // Keys are ladder steps; a regime's name stands for the step it starts at (the format of
  // scenarios written before the ladder, which saves carry).
  for (auto&& [key, value] : rates) {
    const std::string p = "rates." + std::string(key.str());
    std::optional<RedStep> step = red_step_from(key.str());
    if (!step) {
      if (const std::optional<Regime> regime = regime_from(key.str())) step = start_step(*regime);
    }
    if (!step) {
      r.fail(&value, p,
             "unknown field \"" + std::string(key.str()) +
                 "\" (expected a step of Red's ladder: " + names_of_red_steps() +
                 "; or a regime, for the step it starts at: " + names_of_regimes() + ")");
    }
    StepRates& rr = s.rates[static_cast<std::size_t>(*step)];
    const toml::table& t = r.table(&value, p);
    r.only_keys(t, p, {"per_day", "shares"});
    rr.per_day = r.number(t, p, "per_day", 0, 1e6, rr.per_day);
    if (const toml::node* sh = t.get("shares")) {
      const toml::table& shares = r.table(sh, p + ".shares");
      rr.share.fill(0);
      double sum = 0;
      for (auto&& [vk, vv] : shares) {
        const std::string vp = p + ".shares." + std::string(vk.str());
        const std::optional<ViolationType> type = violation_type_from(vk.str());
        if (!type) {
          r.fail(&vv, vp, "unknown violation type (expected " + names_of_violation_types() + ")");
        }
        const double v = r.number(shares, p + ".shares", vk.str(), 0, 1, std::nullopt);
        rr.share[static_cast<std::size_t>(*type)] = v;
        sum += v;
      }
      if (std::abs(sum - 1.0) > 1e-6) {
        r.fail(sh, p + ".shares", "shares must add up to 1, they add up to " + std::to_string(sum));
      }
    }
  }
}

void read_nations(const Reader& r, const toml::table& root, Scenario& s) {
  const auto nations = r.tables(root, "nations");
  if (nations.empty()) r.fail(&root, "nations", "expected at least one [[nations]] table");
  if (nations.size() > kMaxNations) {
    r.fail(nations[kMaxNations], indexed("nations", kMaxNations),
           "too many nations (expected at most " + std::to_string(kMaxNations) + ")");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < nations.size(); ++i) {
    const toml::table& t = *nations[i];
    const std::string p = indexed("nations", i);
    r.only_keys(t, p,
                {"code", "name", "side", "max_response", "allowed_regions", "approval_median",
                 "approval_spread", "refusal", "decisions"});
    Nation n;
    n.code = r.string(t, p, "code");
    if (!seen.insert(n.code).second) {
      r.fail(t.get("code"), p + ".code", "duplicate nation code \"" + n.code + "\"");
    }
    n.name = r.string(t, p, "name", n.code);
    n.side = r.choice<Side>(t, p, "side", side_from, names_of_sides(), Side::Coalition);
    n.max_level = r.choice<ResponseLevel>(t, p, "max_response", response_level_from,
                                          names_of_response_levels(), ResponseLevel::Engage);
    if (const toml::node* a = t.get("allowed_regions")) {
      if (!a->is_array()) r.fail(a, p + ".allowed_regions", "expected an array of region ids");
      std::size_t j = 0;
      for (const toml::node& e : *a->as_array()) {
        n.allowed.push_back(r.region(&e, indexed(p + ".allowed_regions", j++)));
      }
    }
    n.approval_median = r.duration(t, p, "approval_median", Duration::minutes(30));
    n.approval_sigma = r.number(t, p, "approval_spread", 0, 3, 0.5);
    n.refusal = r.number(t, p, "refusal", 0, 1, 0.0);
    if (const toml::node* d = t.get("decisions")) {
      const std::string mode = d->is_string() ? d->as_string()->get() : "";
      if (mode != "auto" && mode != "ask") {
        r.fail(d, p + ".decisions",
               "expected \"auto\" (doctrine decides: approvals drawn from approval_median and "
               "refusal; for Russia, its ladder) or \"ask\" (a player decides)");
      }
      n.ask = mode == "ask";
    }
    s.nations.push_back(std::move(n));
  }
}

void read_units(const Reader& r, const toml::table& root, Scenario& s) {
  const auto units = r.tables(root, "units");
  if (units.empty()) r.fail(&root, "units", "expected at least one [[units]] table");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const toml::table& t = *units[i];
    const std::string p = indexed("units", i);
    r.only_keys(t, p,
                {"id", "nation", "type", "strength", "home", "mobility", "notice", "munitions",
                 "count", "readiness", "deploy_to", "deploy_by"});
    UnitSpec u;
    u.id = r.string(t, p, "id");
    const std::string nation = r.string(t, p, "nation");
    const auto it = std::find_if(s.nations.begin(), s.nations.end(),
                                 [&](const Nation& n) { return n.code == nation; });
    if (it == s.nations.end()) {
      r.fail(t.get("nation"), p + ".nation",
             "unknown nation \"" + nation + "\"" + io::did_you_mean(nation, codes_of(s)) +
                 " (expected the code of a [[nations]] entry)");
    }
    u.nation = static_cast<std::uint32_t>(it - s.nations.begin());
    u.type = r.choice<UnitType>(t, p, "type", unit_type_from, names_of_unit_types(), std::nullopt);
    u.strength = static_cast<std::int32_t>(r.integer(t, p, "strength", 1, 100'000, std::nullopt));
    u.home = r.region(t, p, "home");
    u.mobility = r.choice<map::Mobility>(t, p, "mobility", mobility_from, names_of_mobilities(),
                                         default_mobility(u.type));
    u.notice = r.duration(t, p, "notice", Duration::hours(2));
    const bool armed_with_stocks =
        u.type == UnitType::AirDefence || u.type == UnitType::RocketArtillery;
    u.munitions = static_cast<std::int32_t>(
        r.integer(t, p, "munitions", 0, 100'000, armed_with_stocks ? 24 : 0));
    u.readiness = r.choice<Readiness>(t, p, "readiness", readiness_from, names_of_readiness(),
                                      Readiness::InTheatre);
    if (u.readiness == Readiness::InTheatre) {
      for (const char* key : {"deploy_to", "deploy_by"}) {
        if (t.get(key) != nullptr) {
          r.fail(t.get(key), p + "." + key,
                 "only a unit held at home deploys on a surge (expected readiness = vjtf, arf or "
                 "follow_on with it)");
        }
      }
    } else {
      u.deploy_to = r.region(t, p, "deploy_to");
      u.deploy_by = r.choice<DeployMode>(t, p, "deploy_by", deploy_mode_from,
                                         names_of_deploy_modes(), DeployMode::Best);
    }
    const auto count = r.integer(t, p, "count", 1, 1000, 1);
    if (const std::size_t total = s.units.size() + static_cast<std::size_t>(count);
        total > kMaxUnits) {
      const toml::node* at = t.get("count") != nullptr ? t.get("count") : &t;
      r.fail(at, p + (at == &t ? "" : ".count"),
             "too many units: " + std::to_string(total) + " with these (expected at most " +
                 std::to_string(kMaxUnits) + " in a scenario, copies included)");
    }
    for (std::int64_t k = 1; k <= count; ++k) {
      UnitSpec copy = u;
      if (count > 1) copy.id += "-" + std::to_string(k);
      if (!seen.insert(copy.id).second) {
        r.fail(t.get("id"), p + ".id", "duplicate unit id \"" + copy.id + "\"");
      }
      s.units.push_back(std::move(copy));
    }
  }
}

std::uint32_t nation_index(const Reader& r, const toml::table& t, const std::string& p,
                           const Scenario& s) {
  const std::string code = r.string(t, p, "nation");
  const auto it = std::find_if(s.nations.begin(), s.nations.end(),
                               [&](const Nation& n) { return n.code == code; });
  if (it == s.nations.end())
    r.fail(t.get("nation"), p + ".nation", "unknown nation \"" + code + "\"");
  return static_cast<std::uint32_t>(it - s.nations.begin());
}

std::uint32_t unit_index(const Reader& r, const toml::table& t, const std::string& p,
                         const Scenario& s) {
  const std::string id = r.string(t, p, "unit");
  const auto it =
      std::find_if(s.units.begin(), s.units.end(), [&](const UnitSpec& u) { return u.id == id; });
  if (it == s.units.end()) {
    r.fail(t.get("unit"), p + ".unit",
           "unknown unit \"" + id + "\" (expected the id of a unit; copies are <id>-1, <id>-2...)");
  }
  return static_cast<std::uint32_t>(it - s.units.begin());
}

void read_injects(const Reader& r, const toml::table& root, Scenario& s) {
  const auto injects = r.tables(root, "injects");
  for (std::size_t i = 0; i < injects.size(); ++i) {
    const toml::table& t = *injects[i];
    const std::string p = indexed("injects", i);
    r.only_keys(t, p,
                {"at", "kind", "regime", "us_support", "nation", "region", "to", "count", "note",
                 "unit", "readiness", "mode"});
    Inject in;
    in.at = r.duration(t, p, "at", std::nullopt);
    if (in.at > s.length) {
      r.fail(t.get("at"), p + ".at",
             "the inject fires at " + format_duration(in.at) + ", after the scenario ends (" +
                 format_duration(s.length) + ")");
    }
    in.kind =
        r.choice<InjectKind>(t, p, "kind", inject_kind_from, names_of_inject_kinds(), std::nullopt);
    in.note = r.string(t, p, "note", "");
    switch (in.kind) {
      case InjectKind::Decide:
        r.fail(t.get("kind"), p + ".kind",
               "\"decide\" answers a decision during play and cannot be scheduled (expected " +
                   names_of_inject_kinds() + " except decide)");
      case InjectKind::CancelMsel:
      case InjectKind::ScheduleMsel:
        r.fail(t.get("kind"), p + ".kind",
               "\"" + std::string(to_string(in.kind)) +
                   "\" edits the MSEL during play and cannot be scheduled (expected a kind from "
                   "set_regime to deploy except decide)");
      case InjectKind::SetRegime:
        in.regime = r.choice<Regime>(t, p, "regime", regime_from, names_of_regimes(), std::nullopt);
        break;
      case InjectKind::SetUsSupport:
        in.us = r.choice<UsSupport>(t, p, "us_support", us_support_from, names_of_us_support(),
                                    std::nullopt);
        break;
      case InjectKind::NationWithdraws: {
        const std::string code = r.string(t, p, "nation");
        const auto it = std::find_if(s.nations.begin(), s.nations.end(),
                                     [&](const Nation& n) { return n.code == code; });
        if (it == s.nations.end()) {
          r.fail(t.get("nation"), p + ".nation",
                 "unknown nation \"" + code + "\"" + io::did_you_mean(code, codes_of(s)));
        }
        in.nation = static_cast<std::uint32_t>(it - s.nations.begin());
        break;
      }
      case InjectKind::Provocation:
        in.region = r.region(t, p, "region");
        in.count = static_cast<std::int32_t>(r.integer(t, p, "count", 1, 10'000, 10));
        break;
      case InjectKind::CutLink:
      case InjectKind::RestoreLink:
        in.region = r.region(t, p, "region");
        in.region_b = r.region(t, p, "to");
        if (!r.theatre().link_between(in.region, in.region_b)) {
          r.fail(t.get("to"), p + ".to",
                 "no link between \"" + r.theatre().region(in.region).id + "\" and \"" +
                     r.theatre().region(in.region_b).id + "\" (expected two linked regions)");
        }
        break;
      case InjectKind::Surge:
        if (t.get("nation") != nullptr) {
          in.nation = nation_index(r, t, p, s);
          in.any_nation = false;
        }
        in.tier = r.choice<Readiness>(t, p, "readiness", readiness_from, names_of_readiness(),
                                      Readiness::InTheatre);
        if (t.get("unit") != nullptr) in.unit = unit_index(r, t, p, s);
        break;
      case InjectKind::Deploy:
        in.unit = unit_index(r, t, p, s);
        in.region = r.region(t, p, "to");
        in.mode = r.choice<DeployMode>(t, p, "mode", deploy_mode_from, names_of_deploy_modes(),
                                       DeployMode::Best);
        break;
    }
    s.injects.push_back(std::move(in));
  }
  std::stable_sort(s.injects.begin(), s.injects.end(),
                   [](const Inject& a, const Inject& b) { return a.at < b.at; });
}

}  // namespace

Scenario parse_scenario(std::string_view text, std::string_view source_name,
                        const map::Theatre& theatre) {
  const std::string file(source_name);
  // The reader throws io::TomlError; a scenario's callers know it as ScenarioError.
  try {
    const toml::table root = io::TomlReader::parse(text, file);
    const Reader r(file, theatre);
    r.only_keys(root, "", {"scenario", "rates", "nations", "units", "injects"});
    Scenario s;
    s.source_name = file;
    s.source_text = std::string(text);
    read_header(r, root, s);
    read_rates(r, root, s);
    read_nations(r, root, s);
    read_units(r, root, s);
    read_injects(r, root, s);
    return s;
  } catch (const io::TomlError& e) {
    throw ScenarioError(e.file(), e.line(), e.column(), e.path(), e.message());
  }
}

Scenario load_scenario(const std::filesystem::path& file, const map::Theatre& theatre) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(file.string(), 0, 0, "", "cannot open the file for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ScenarioError(file.string(), 0, 0, "", "read error");
  return parse_scenario(text.str(), file.string(), theatre);
}

}  // namespace rfsim::sim
