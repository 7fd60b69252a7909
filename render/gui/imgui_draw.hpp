// Draws Dear ImGui's frame like its OpenGL2 backend, but with flat fills on llvmpipe's cheap paths.
#pragma once

struct ImDrawData;

namespace rfsim::render::gui {

/// A rectangle of the framebuffer in whole pixels from its top-left corner, [x0, x1) x [y0, y1).
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  long long area() const { return empty() ? 0 : 1LL * (x1 - x0) * (y1 - y0); }
  bool operator==(const PixelRect&) const = default;
};

/// Which of a frame's draw lists draw_imgui draws, and where: lists [first, end) of
/// ImDrawData::CmdLists (end -1: to the last), each command's scissor cut to `within` when set
/// (the pixels outside it are left as they are; those inside are what a whole draw gives).
struct ImGuiDrawPart {
  int first = 0;
  int end = -1;
  const PixelRect* within = nullptr;
};

/// Replaces ImGui_ImplOpenGL2_RenderDrawData: same GL state in and out, same pixels. Within each
/// draw command, triangles on the font atlas's white texel are drawn untextured, and those also
/// fully opaque unblended (under llvmpipe a textured, blended pixel costs about three opaque
/// flat ones). The backend still owns the font texture; `data` must be the current ImGui
/// context's (its font atlas tells flat fills apart). Returns the glDrawElements calls made.
///   ImGui::Render();  draw_imgui(*ImGui::GetDrawData());
int draw_imgui(const ImDrawData& data, const ImGuiDrawPart& part = {});

}  // namespace rfsim::render::gui
