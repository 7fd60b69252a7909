// Draws Dear ImGui's frame like its OpenGL2 backend, but with flat fills on llvmpipe's cheap paths.
#pragma once

struct ImDrawData;

namespace rfsim::render::gui {

/// Replaces ImGui_ImplOpenGL2_RenderDrawData: same GL state in and out, same pixels. Within each
/// draw command, triangles on the font atlas's white texel are drawn untextured, and those also
/// fully opaque unblended (under llvmpipe a textured, blended pixel costs about three opaque
/// flat ones). The backend still owns the font texture; `data` must be the current ImGui
/// context's (its font atlas tells flat fills apart). Returns the glDrawElements calls made.
///   ImGui::Render();  draw_imgui(*ImGui::GetDrawData());
int draw_imgui(const ImDrawData& data);

}  // namespace rfsim::render::gui
