#pragma once

#include <string>

#include "qujat/engine/Workflow.h"

namespace qujat::http {

// Draws a workflow's route as SVG: one box per step in file order (title in `lang`, kind,
// decision mode, actors, deadline), arrows to each step's successor (branch cases labelled
// with their value), dashed arrows back for rejections. The step `currentStep` (if not
// empty) is highlighted. Every text is XML-escaped; the drawing uses presentation
// attributes only (no <style>, no script), so it renders under a strict CSP.
std::string renderWorkflowSvg(const engine::WorkflowDefinition& workflow, const std::string& currentStep,
                              const std::string& lang);

}  // namespace qujat::http
