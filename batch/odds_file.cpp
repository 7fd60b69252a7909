// The odds file in JSON (nlohmann-json), read back with every field checked.
#include "batch/odds_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "io/atomic_file.hpp"

namespace rfsim::batch {
namespace {

using nlohmann::json;

constexpr int kVersion = 1;
constexpr std::uintmax_t kMaxBytes = 16u << 20;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw OddsFileError(file_ + ": " + path + ": " + what);
  }
  const json& field(const json& obj, const std::string& path, const char* key,
                    json::value_t type) const {
    if (!obj.is_object()) fail(path, "expected an object");
    const auto it = obj.find(key);
    const std::string at = path.empty() ? key : path + "." + key;
    if (it == obj.end()) fail(at, "missing");
    const bool number = type == json::value_t::number_float;
    if (number ? !it->is_number() : it->type() != type) {
      fail(at, std::string("expected ") + (number ? "a number" : json(type).type_name()));
    }
    return *it;
  }
  double number(const json& obj, const std::string& path, const char* key) const {
    const double v = field(obj, path, key, json::value_t::number_float).get<double>();
    if (!std::isfinite(v)) fail(path + "." + key, "expected a finite number");
    return v;
  }
  std::uint64_t count(const json& obj, const std::string& path, const char* key,
                      std::uint64_t max) const {
    const json& v = field(obj, path, key, json::value_t::number_float);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0)) {
      fail(path + "." + key, "expected a whole number of 0 or more");
    }
    const auto n = v.get<std::uint64_t>();
    if (n > max) fail(path + "." + key, "expected at most " + std::to_string(max));
    return n;
  }

 private:
  std::string file_;
};

json band_json(const Band& b) {
  return {{"p5", b.p5}, {"p25", b.p25}, {"p50", b.p50}, {"p75", b.p75}, {"p95", b.p95}};
}

}  // namespace

std::filesystem::path odds_file_for(const std::filesystem::path& save) {
  std::filesystem::path p = save;
  p.replace_filename(save.stem().string() + ".odds.json");
  return p;
}

std::string odds_json(const std::vector<Odds>& odds) {
  json all = json::array();
  for (const Odds& o : odds) {
    json fans = json::array();
    for (const Fan& f : o.fans) {
      json days = json::array();
      for (const Band& b : f.days) days.push_back(band_json(b));
      fans.push_back({{"name", f.name}, {"title", f.title}, {"days", days}});
    }
    const BreakOdds& b = o.ceasefire_break;
    all.push_back({{"at_ms", o.at.ms()},
                   {"at", sim::format_clock(o.at)},
                   {"game_seed", o.game_seed},
                   {"futures", o.futures},
                   {"days", o.days},
                   {"digest", o.digest},
                   {"ceasefire_break",
                    {{"applies", b.applies},
                     {"breaks", b.breaks},
                     {"futures", b.futures},
                     {"p", b.p},
                     {"ci_low", b.ci_low},
                     {"ci_high", b.ci_high}}},
                   {"fans", fans}});
  }
  return json{{"rfsim_odds", kVersion}, {"odds", all}}.dump(1) + "\n";
}

std::vector<Odds> read_odds_file(const std::filesystem::path& file) {
  const Reader r(file.string());
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) throw OddsFileError(file.string() + ": cannot be read: " + ec.message());
  if (size > kMaxBytes) r.fail("(file)", "over 16 MiB: not an odds file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw OddsFileError(file.string() + ": cannot be read");
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::parse_error& e) {
    throw OddsFileError(file.string() + ": byte " + std::to_string(e.byte) +
                        ": not JSON: " + e.what());
  }
  if (r.count(doc, "", "rfsim_odds", 1000) != kVersion) {
    r.fail("rfsim_odds", "expected version " + std::to_string(kVersion));
  }
  std::vector<Odds> out;
  const json& all = r.field(doc, "", "odds", json::value_t::array);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string at = "odds[" + std::to_string(i) + "]";
    const json& e = all[i];
    Odds o;
    o.at = sim::SimTime::from_ms(
        static_cast<std::int64_t>(r.count(e, at, "at_ms", std::uint64_t{1} << 50)));
    o.game_seed = r.count(e, at, "game_seed", UINT64_MAX);
    o.futures = static_cast<std::uint32_t>(r.count(e, at, "futures", 1'000'000));
    o.days = static_cast<std::int32_t>(r.count(e, at, "days", 3660));
    o.digest = r.count(e, at, "digest", UINT64_MAX);
    const json& b = r.field(e, at, "ceasefire_break", json::value_t::object);
    const std::string bat = at + ".ceasefire_break";
    BreakOdds& k = o.ceasefire_break;
    k.applies = r.field(b, bat, "applies", json::value_t::boolean).get<bool>();
    k.breaks = static_cast<std::uint32_t>(r.count(b, bat, "breaks", 1'000'000));
    k.futures = static_cast<std::uint32_t>(r.count(b, bat, "futures", 1'000'000));
    if (k.breaks > k.futures) r.fail(bat + ".breaks", "expected at most the futures");
    k.p = r.number(b, bat, "p");
    k.ci_low = r.number(b, bat, "ci_low");
    k.ci_high = r.number(b, bat, "ci_high");
    const json& fans = r.field(e, at, "fans", json::value_t::array);
    for (std::size_t f = 0; f < fans.size(); ++f) {
      const std::string fat = at + ".fans[" + std::to_string(f) + "]";
      Fan fan;
      fan.name = r.field(fans[f], fat, "name", json::value_t::string).get<std::string>();
      fan.title = r.field(fans[f], fat, "title", json::value_t::string).get<std::string>();
      const json& days = r.field(fans[f], fat, "days", json::value_t::array);
      if (days.size() != static_cast<std::size_t>(o.days)) {
        r.fail(fat + ".days", "expected " + std::to_string(o.days) + " days, found " +
                                  std::to_string(days.size()));
      }
      for (std::size_t d = 0; d < days.size(); ++d) {
        const std::string dat = fat + ".days[" + std::to_string(d) + "]";
        fan.days.push_back({r.number(days[d], dat, "p5"), r.number(days[d], dat, "p25"),
                            r.number(days[d], dat, "p50"), r.number(days[d], dat, "p75"),
                            r.number(days[d], dat, "p95")});
      }
      o.fans.push_back(std::move(fan));
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::filesystem::path keep_odds(const std::filesystem::path& save, const Odds& odds) {
  const std::filesystem::path file = odds_file_for(save);
  std::vector<Odds> all;
  if (std::filesystem::exists(file)) all = read_odds_file(file);
  std::erase_if(all, [&](const Odds& o) { return o.at == odds.at; });
  all.push_back(odds);
  std::stable_sort(all.begin(), all.end(),
                   [](const Odds& a, const Odds& b) { return a.at < b.at; });
  io::write_atomically(file, odds_json(all));
  return file;
}

}  // namespace rfsim::batch
