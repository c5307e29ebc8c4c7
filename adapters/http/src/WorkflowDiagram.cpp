#include "WorkflowDiagram.h"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "qujat/engine/Router.h"

namespace qujat::http {

namespace {

constexpr int kBoxWidth = 380;
constexpr int kBoxHeight = 66;
constexpr int kGap = 46;
constexpr int kTop = 56;
constexpr int kLane = 16;  // distance between parallel side arrows

std::string xmlEscape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                // Control characters are not allowed in XML 1.0 at all.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') out += ' ';
                else out += c;
        }
    }
    return out;
}

// The first `max` code points of UTF-8 `text`, with an ellipsis if it was longer.
std::string clip(const std::string& text, std::size_t max) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (points == max) return text.substr(0, i) + "…";
        ++points;
    }
    return text;
}


std::string duration(engine::Millis ms) {
    const long long minutes = ms / 60000;
    if (minutes % (24 * 60) == 0) return std::to_string(minutes / (24 * 60)) + " d";
    if (minutes % 60 == 0) return std::to_string(minutes / 60) + " h";
    return std::to_string(minutes) + " min";
}

std::string subtitle(const engine::Step& s) {
    std::string text = engine::stepKindName(s.kind);
    if (s.kind == engine::StepKind::kBranch) return text + " on " + s.branchField;
    if (s.kind == engine::StepKind::kEnd) return text;
    if (s.actors.size() > 1 || (s.actors.size() == 1 && s.actors[0].each)) {
        switch (s.mode) {
            case engine::DecisionMode::kAll: text += " · all"; break;
            case engine::DecisionMode::kAny: text += " · any"; break;
            case engine::DecisionMode::kQuorum: text += " · " + std::to_string(s.quorum) + " of n"; break;
            case engine::DecisionMode::kSequence: text += " · in order"; break;
        }
    }
    std::string actors;
    for (const auto& a : s.actors) actors += (actors.empty() ? "" : ", ") + a.text + (a.each ? " (each)" : "");
    if (!actors.empty()) text += " · " + actors;
    if (s.due) text += " · due " + duration(*s.due);
    return text;
}

struct Edge {
    int from = 0;
    int to = 0;
    std::string label;
    bool reject = false;
};

}  // namespace

std::string renderWorkflowSvg(const engine::WorkflowDefinition& wf, const std::string& currentStep,
                              const std::string& lang) {
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < wf.steps.size(); ++i) index[wf.steps[i].id] = static_cast<int>(i);
    auto indexOf = [&](const std::string& id) -> std::optional<int> {
        auto it = index.find(id);
        if (it == index.end()) return std::nullopt;
        return it->second;
    };

    std::vector<Edge> edges;
    for (std::size_t i = 0; i < wf.steps.size(); ++i) {
        const engine::Step& s = wf.steps[i];
        const int from = static_cast<int>(i);
        if (s.kind == engine::StepKind::kEnd) continue;
        if (s.kind == engine::StepKind::kBranch) {
            for (const auto& c : s.cases)
                if (auto to = indexOf(c.target)) edges.push_back({from, *to, s.branchField + " = " + c.equals, false});
            if (s.otherwise)
                if (auto to = indexOf(*s.otherwise)) edges.push_back({from, *to, "otherwise", false});
            continue;
        }
        if (auto next = engine::successorOf(wf, s); next.isOk()) edges.push_back({from, index[(*next)->id], "", false});
        if (engine::isRejectable(s.kind))
            if (auto target = engine::rejectionTarget(wf, s); target.isOk())
                edges.push_back({from, index[(*target)->id], "reject", true});
    }

    // Straight arrows join neighbours; every other arrow gets its own lane, forward ones on
    // the right, rejections on the left.
    int rightLanes = 0, leftLanes = 0;
    std::vector<int> lane(edges.size(), 0);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (!edges[e].reject && edges[e].to == edges[e].from + 1 && edges[e].label.empty()) continue;
        lane[e] = edges[e].reject ? ++leftLanes : ++rightLanes;
    }
    const int left = 30 + leftLanes * kLane + 40;
    const int width = left + kBoxWidth + 40 + rightLanes * kLane + (rightLanes > 0 ? 150 : 0);
    const int height = kTop + static_cast<int>(wf.steps.size()) * (kBoxHeight + kGap) + 10;
    auto top = [&](int i) { return kTop + i * (kBoxHeight + kGap); };
    auto middle = [&](int i) { return top(i) + kBoxHeight / 2; };

    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" viewBox=\"0 0 " << width << " " << height << "\" role=\"img\" aria-labelledby=\"wf-title\">\n"
        << "<title id=\"wf-title\">" << xmlEscape(wf.title.in(lang) + " (" + wf.id + " v" + std::to_string(wf.version) + ")")
        << "</title>\n"
        << "<defs>"
        << "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
           "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#2d3748\"/></marker>"
        << "<marker id=\"arrow-reject\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
           "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c53030\"/></marker>"
        << "</defs>\n"
        << "<rect x=\"0\" y=\"0\" width=\"" << width << "\" height=\"" << height << "\" fill=\"#ffffff\"/>\n"
        << "<text x=\"" << left << "\" y=\"30\" font-family=\"sans-serif\" font-size=\"17\" font-weight=\"bold\" "
           "fill=\"#1a202c\">"
        << xmlEscape(clip(wf.title.in(lang), 60)) << "</text>\n";

    for (std::size_t e = 0; e < edges.size(); ++e) {
        const Edge& edge = edges[e];
        const char* colour = edge.reject ? "#c53030" : "#2d3748";
        const char* marker = edge.reject ? "url(#arrow-reject)" : "url(#arrow)";
        svg << "<g class=\"edge" << (edge.reject ? " reject" : "") << "\">";
        if (lane[e] == 0) {
            const int x = left + kBoxWidth / 2;
            svg << "<line x1=\"" << x << "\" y1=\"" << top(edge.from) + kBoxHeight << "\" x2=\"" << x << "\" y2=\""
                << top(edge.to) << "\" stroke=\"" << colour << "\" stroke-width=\"1.5\" marker-end=\"" << marker
                << "\"/>";
        } else if (edge.reject) {
            const int lx = left - 16 - (lane[e] - 1) * kLane;
            svg << "<path d=\"M" << left << "," << middle(edge.from) - 8 << " H" << lx << " V" << middle(edge.to) + 8
                << " H" << left << "\" fill=\"none\" stroke=\"" << colour
                << "\" stroke-width=\"1.5\" stroke-dasharray=\"5,4\" marker-end=\"" << marker << "\"/>";
        } else {
            // Each lane leaves and enters its boxes a little apart from the others.
            const int x = left + kBoxWidth + 20 + (lane[e] - 1) * kLane;
            const int shift = 6 * ((lane[e] - 1) % 4);
            svg << "<path d=\"M" << left + kBoxWidth << "," << middle(edge.from) + 4 + shift << " H" << x << " V"
                << middle(edge.to) - 4 - shift << " H" << left + kBoxWidth << "\" fill=\"none\" stroke=\"" << colour
                << "\" stroke-width=\"1.5\" marker-end=\"" << marker << "\"/>";
        }
        if (!edge.label.empty() && !edge.reject) {
            // Right of every lane, level with the middle of this arrow's vertical run.
            const int lx = lane[e] == 0 ? left + kBoxWidth / 2 + 8 : left + kBoxWidth + 24 + rightLanes * kLane;
            const int ly = lane[e] == 0 ? top(edge.from) + kBoxHeight + 16 : (middle(edge.from) + middle(edge.to)) / 2;
            svg << "<text x=\"" << lx << "\" y=\"" << ly << "\" font-family=\"sans-serif\" font-size=\"11\" fill=\""
                << colour << "\">" << xmlEscape(clip(edge.label, 24)) << "</text>";
        }
        svg << "</g>\n";
    }

    for (std::size_t i = 0; i < wf.steps.size(); ++i) {
        const engine::Step& s = wf.steps[i];
        const bool current = s.id == currentStep;
        const int y = top(static_cast<int>(i));
        const int rx = s.kind == engine::StepKind::kEnd ? 24 : 6;
        svg << "<g class=\"step" << (current ? " current" : "") << "\" data-step=\"" << xmlEscape(s.id) << "\""
            << (current ? " aria-current=\"step\"" : "") << ">"
            << "<title>" << xmlEscape(s.title.in(lang) + " (" + s.id + ")") << "</title>"
            << "<rect x=\"" << left << "\" y=\"" << y << "\" width=\"" << kBoxWidth << "\" height=\"" << kBoxHeight
            << "\" rx=\"" << rx << "\" fill=\"" << (current ? "#fefcbf" : "#f7fafc") << "\" stroke=\""
            << (current ? "#b7791f" : "#4a5568") << "\" stroke-width=\"" << (current ? 3 : 1.2) << "\"/>"
            << "<text x=\"" << left + 14 << "\" y=\"" << y + 26 << "\" font-family=\"sans-serif\" font-size=\"15\" "
            << "font-weight=\"" << (current ? "bold" : "normal") << "\" fill=\"#1a202c\">"
            << xmlEscape(clip(s.title.in(lang).empty() ? s.id : s.title.in(lang), 44)) << "</text>"
            << "<text x=\"" << left + 14 << "\" y=\"" << y + 48 << "\" font-family=\"sans-serif\" font-size=\"11\" "
            << "fill=\"#4a5568\">" << xmlEscape(clip(s.id + " · " + subtitle(s), 64)) << "</text>"
            << "</g>\n";
    }
    svg << "</svg>\n";
    return svg.str();
}

}  // namespace qujat::http
