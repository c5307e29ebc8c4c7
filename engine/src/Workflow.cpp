#include "qujat/engine/Workflow.h"

namespace qujat::engine {

std::string Diagnostic::toString() const {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + message;
}

std::string LocalizedText::in(const std::string& lang) const {
    for (const std::string& l : {lang, std::string("ru"), std::string("en"), std::string("kk")}) {
        auto it = byLang.find(l);
        if (it != byLang.end() && !it->second.empty()) return it->second;
    }
    return {};
}

const Step* WorkflowDefinition::step(const std::string& stepId) const {
    for (const Step& s : steps)
        if (s.id == stepId) return &s;
    return nullptr;
}

const FieldDef* WorkflowDefinition::field(const std::string& name) const {
    for (const FieldDef& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace qujat::engine
