#pragma once

#include <optional>
#include <string>
#include <vector>

#include "DiagnosticCollector.h"
#include "XmlDocument.h"
#include "qujat/engine/Workflow.h"

namespace qujat::xml {

// Turns a document that workflow.xsd has accepted into the engine's model, every value
// carrying its file:line:column. Adds a diagnostic for each value the schema lets through
// but the engine cannot use: a title or label without xml:lang of kk, ru or en (or with a
// language twice), an actor expression parseActorExpr refuses, a deadline parseIsoDuration
// refuses (e.g. P0D), and, should the schema ever be loosened, any value out of range.
// The results are meaningful only when no diagnostic was added.
// Not thread-safe; one per parse.
class WorkflowMapper {
public:
    WorkflowMapper(const XmlDocument& document, DiagnosticCollector& diagnostics);

    // The root must be <workflow>.
    engine::WorkflowDefinition workflow();
    // The root must be <roles>.
    std::vector<engine::RoleDef> roles();

private:
    engine::FieldDef field(const xmlNode* element);
    engine::Step step(const xmlNode* element);
    engine::Step branch(const xmlNode* element);
    engine::Step end(const xmlNode* element);

    void readTexts(const xmlNode* parent, const char* elementName, engine::LocalizedText& into);
    std::optional<engine::ActorExpr> actor(const std::string& text, bool each, const engine::SourceLocation& where);
    std::optional<long long> integerAttribute(const xmlNode* element, const char* name, long long min, long long max);
    bool booleanAttribute(const xmlNode* element, const char* name, bool byDefault);
    void report(const engine::SourceLocation& where, const std::string& message);

    const XmlDocument& document_;
    DiagnosticCollector& diagnostics_;
};

}  // namespace qujat::xml
