#include "qujat/engine/Workflow.h"

namespace qujat::engine {

const char* stepKindName(StepKind kind) {
    switch (kind) {
        case StepKind::kSubmit: return "submit";
        case StepKind::kSign: return "sign";
        case StepKind::kReview: return "review";
        case StepKind::kAcknowledge: return "acknowledge";
        case StepKind::kRegister: return "register";
        case StepKind::kBranch: return "branch";
        case StepKind::kEnd: return "end";
    }
    return "unknown";
}

const char* decisionModeName(DecisionMode mode) {
    switch (mode) {
        case DecisionMode::kAll: return "all";
        case DecisionMode::kAny: return "any";
        case DecisionMode::kQuorum: return "quorum";
        case DecisionMode::kSequence: return "sequence";
    }
    return "unknown";
}

const char* fieldTypeName(FieldType type) {
    switch (type) {
        case FieldType::kString: return "string";
        case FieldType::kText: return "text";
        case FieldType::kInteger: return "integer";
        case FieldType::kDate: return "date";
        case FieldType::kBoolean: return "boolean";
        case FieldType::kEnum: return "enum";
    }
    return "unknown";
}

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
