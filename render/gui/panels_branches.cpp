// The "Branches" panel and its desk: the saves of one game as a tree, open one, and compare the
// game in the window (A) with another branch (B) at the same simulated time, measures side by
// side and B's map on the A/B toggle.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <string>

#include "render/gui/branch_desk.hpp"
#include "render/gui/panels.hpp"
#include "saves/save_file.hpp"
#include "sim/derived_measures.hpp"

namespace rfsim::render::gui {

void BranchDesk::scan(const std::filesystem::path& folder) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(folder, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".rfsave") files.push_back(e.path());
  }
  if (ec) {
    tree_ = {};  // listed as empty rather than asked again every frame
    unreadable_.clear();
    folder_ = folder;
    scanned_ = true;
    throw std::runtime_error(folder.string() + ": cannot list the folder: " + ec.message());
  }
  std::sort(files.begin(), files.end());
  std::vector<saves::SaveSummary> summaries;
  std::vector<std::string> unreadable;
  for (const auto& f : files) {
    try {
      summaries.push_back(saves::summarize(saves::read_save(f), f));
    } catch (const std::exception& e) {
      unreadable.push_back(e.what());
    }
  }
  tree_ = saves::branch_tree(std::move(summaries));
  unreadable_ = std::move(unreadable);
  folder_ = folder;
  scanned_ = true;
}

void BranchDesk::compare_with(const Session& game, std::size_t index) {
  const saves::SaveSummary& s = tree_.saves.at(index);
  auto other = std::make_unique<Session>(game.run().scenario(), game.run().theatre());
  other->open(s.path);
  other_ = std::move(other);
  other_name_ = s.name;
  tree_open = false;
  follow(game);
}

void BranchDesk::stop_comparing() {
  other_.reset();
  other_name_.clear();
  map_shows_other = false;
  tree_open = true;
}

bool BranchDesk::follow_game(const Session& game) {
  if (game.game() == game_) return false;
  other_.reset();
  other_name_.clear();
  map_shows_other = false;
  tree_ = {};
  unreadable_.clear();
  folder_.clear();
  scanned_ = false;
  tree_open = true;  // no comparison takes the room now (stop_comparing() does the same)
  folder_field.clear();
  game_ = game.game();
  return true;
}

void BranchDesk::follow(const Session& game) {
  if (!other_) return;
  // B stops at its own end: past it there is nothing recorded, only a future no one played.
  const sim::SimTime want = std::min(game.now(), other_->recording().end());
  if (other_->now() != want) other_->jump_to(want);
}

std::string BranchDesk::time_warning(const Session& game) const {
  if (!other_ || other_->now() == game.now()) return {};
  return "Times differ: A is at " + sim::format_clock(game.now()) + ", B at " +
         sim::format_clock(other_->now()) + " (B's recording ends there)";
}

const Session& map_session(const Session& game, const UiState& ui) {
  if (ui.branches && ui.branches->map_shows_other && ui.branches->other()) {
    return *ui.branches->other();
  }
  return game;
}

namespace {

// The measures compared, by their names in sim's table (sim/derived_measures.hpp), with the
// short labels a narrow panel has room for.
struct Compared {
  const char* name;
  const char* label;
};
constexpr Compared kCompared[] = {{"violations", "violations"},
                                  {"share_detected", "share detected"},
                                  {"share_answered_in_standard", "answered in standard"},
                                  {"blocked_by_caveats", "blocked by caveats"},
                                  {"refusals", "refused by nations"},
                                  {"escalation_end", "escalation index"},
                                  {"ceasefire_held", "ceasefire held (1/0)"},
                                  {"ground_lost_km2", "ground lost (km2)"},
                                  {"coalition_losses", "coalition losses"},
                                  {"units_lost", "units lost"}};

std::string number(double v, bool integer) {
  if (std::isnan(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, integer ? "%.0f" : "%.2f", v);
  return buf;
}

void comparison(const Session& game, UiState& ui, BranchDesk& desk) {
  const Session& b = *desk.other();
  ImGui::Text("A: %s", game.file().empty() ? "(the game in the window)" : game.file().c_str());
  ImGui::Text("B: %s", desk.other_name().c_str());
  const std::string warning = desk.time_warning(game);
  if (!warning.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("%s", warning.c_str());
    ImGui::PopStyleColor();
  } else {
    ImGui::TextDisabled("both at %s", sim::format_clock(game.now()).c_str());
  }
  ImGui::TextUnformatted("Map:");
  ImGui::SameLine();
  if (ImGui::RadioButton("A##map", !desk.map_shows_other)) desk.map_shows_other = false;
  mark_control(ui, "branches/map_a");
  ImGui::SameLine();
  if (ImGui::RadioButton("B##map", desk.map_shows_other)) desk.map_shows_other = true;
  mark_control(ui, "branches/map_b");
  ImGui::SameLine();
  if (named_button(ui, "branches/stop", "Stop comparing")) {
    desk.stop_comparing();
    return;
  }
  ui.compared.clear();
  if (ImGui::BeginTable("ab", 4, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("measure");
    ImGui::TableSetupColumn("A");
    ImGui::TableSetupColumn("B");
    ImGui::TableSetupColumn("B - A");
    ImGui::TableHeadersRow();
    for (const auto& [name, label] : kCompared) {
      const sim::DerivedMeasure* m = sim::find_measure(name);
      if (m == nullptr) continue;
      const double va = m->of(game.run());
      const double vb = m->of(b.run());
      const std::string sa = number(va, m->integer), sb = number(vb, m->integer),
                        sd = number(vb - va, m->integer);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(label);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(sa.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(sb.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(sd.c_str());
      ui.compared.push_back(std::string(name) + ": " + sa + " | " + sb);
    }
    ImGui::EndTable();
  }
}

}  // namespace

void panel_branches(const Session& session, UiState& ui, const Layout& at) {
  if (!ui.branches) ui.branches = std::make_shared<BranchDesk>();
  BranchDesk& desk = *ui.branches;
  desk.follow(session);

  const float w = std::min(520 * ui.ui_scale, at.width - at.left_w - at.right_w - 16);
  ImGui::SetNextWindowPos(ImVec2(at.left_w + 8, map_bar_top(2)), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  if (ui.want_branches) {
    // Opened over the Odds panel's content (its bar is above this one's): that one folds.
    ImGui::SetWindowCollapsed("Odds from here", true, ImGuiCond_Always);
    ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    ui.want_branches = false;
  }
  // As tall as its content, up to the map's height; beyond that it scrolls.
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, at.height - at.bottom_h));
  if (!ImGui::Begin("Branches", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  if (desk.folder_field.empty() && !session.file().empty()) {
    desk.folder_field = std::filesystem::path(session.file()).parent_path().string();
  }
  std::array<char, 512> field{};
  desk.folder_field.copy(field.data(), field.size() - 1);
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
  if (ImGui::InputText("##folder", field.data(), field.size())) desk.folder_field = field.data();
  ImGui::SameLine();
  if (named_button(ui, "branches/scan", "Scan") ||
      (!desk.scanned() && !desk.folder_field.empty())) {
    try {
      desk.scan(std::filesystem::path(desk.folder_field.empty() ? "." : desk.folder_field));
    } catch (const std::exception& e) {
      ui.status = std::string("failed: ") + e.what();
    }
  }
  const saves::BranchTree& tree = desk.tree();
  if (!desk.scanned()) {
    ImGui::TextDisabled("The folder of a game's saves: Scan lists them as a tree.");
  } else if (tree.saves.empty()) {
    ImGui::TextDisabled("No .rfsave files in %s", desk.folder().string().c_str());
  }
  for (const std::string& why : desk.unreadable()) ImGui::TextColored(kWarning, "%s", why.c_str());
  ui.branch_rows.clear();
  if (desk.tree_open) {
    ImGui::SetNextItemOpen(*desk.tree_open, ImGuiCond_Always);
    desk.tree_open.reset();
  } else {
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  }
  const std::string header = "Saves of the game (" + std::to_string(tree.saves.size()) + ")";
  const bool listed = ImGui::CollapsingHeader((header + "###tree").c_str());
  // Depth first from the roots, children by fork time (saves::branch_tree's order).
  std::vector<std::size_t> stack;
  if (listed) stack.assign(tree.roots.rbegin(), tree.roots.rend());
  while (!stack.empty()) {
    const std::size_t n = stack.back();
    stack.pop_back();
    const saves::BranchNode& node = tree.nodes[n];
    const saves::SaveSummary& s = tree.saves[node.save];
    const std::string id = std::to_string(node.save);
    ImGui::Indent(ImGui::GetFontSize() * static_cast<float>(node.depth) + 1);
    std::string when = "to " + sim::format_clock(s.end);
    if (s.meta.forked_at_ms >= 0) {
      when = "forked at " + sim::format_clock(sim::SimTime::from_ms(s.meta.forked_at_ms)) + ", " +
             when;
    }
    const std::string line = s.name + "  " + when;
    // The buttons first, so that a long name or fork time never pushes them out of the panel.
    if (named_button(ui, "branches/open/" + id, ("Open##" + id).c_str())) {
      const std::string p = s.path.string();
      if (session.unsaved()) {
        ui.leaving = Leaving{Leaving::Kind::Open, p, {}};  // asks first (panels_unsaved.cpp)
      } else {
        ui.actions.push_back([p](Session& g, UiState& u) { open_game(g, u, p); });
      }
    }
    ImGui::SameLine();
    if (named_button(ui, "branches/compare/" + id, ("Compare##" + id).c_str())) {
      try {
        desk.compare_with(session, node.save);
      } catch (const std::exception& e) {
        ui.status = std::string("failed: ") + e.what();
      }
    }
    ImGui::SameLine();
    const bool shown = s.path.string() == session.file();
    ImGui::TextColored(shown ? ImVec4(0.6f, 0.85f, 1, 1) : ImVec4(0.9f, 0.9f, 0.9f, 1), "%s",
                       s.name.c_str());
    if (node.parent_missing || node.parent_changed) {
      ImGui::SameLine();
      ImGui::TextColored(kWarning, node.parent_missing ? "(parent missing)" : "(parent changed)");
    }
    ImGui::TextDisabled("    %s", when.c_str());
    ImGui::Unindent(ImGui::GetFontSize() * static_cast<float>(node.depth) + 1);
    ui.branch_rows.push_back(std::string(static_cast<std::size_t>(node.depth) * 2, ' ') + line);
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) stack.push_back(*it);
  }
  if (desk.other()) {
    ImGui::Separator();
    comparison(session, ui, desk);
  }
  ImGui::End();
}

}  // namespace rfsim::render::gui
