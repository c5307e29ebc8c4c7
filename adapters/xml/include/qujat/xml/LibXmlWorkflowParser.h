#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qujat/engine/Status.h"
#include "qujat/engine/Workflow.h"
#include "qujat/engine/ports/WorkflowParser.h"

// libxml2's compiled schema; its header stays out of this one.
struct _xmlSchema;

namespace qujat::xml {

// The WorkflowParser port over libxml2 and workflows/workflow.xsd.
//
// Every file is treated as hostile. It is refused, with a diagnostic naming the problem,
// when it is over 1 MiB, not UTF-8 (by declaration, byte order mark or content), declares
// a DOCTYPE (so no entity is ever declared, expanded or fetched: XXE and billion laughs end
// at the DOCTYPE), uses XInclude, or nests elements more than 64 deep. Nothing is read from
// the network or the file system. Accepted text is then validated against the schema and
// mapped to the engine's model; diagnostics carry file:line:column.
//
// Thread-safe: parse() and parseRoles() may run concurrently on one instance; the schema
// is compiled once and each call uses its own libxml2 contexts.
class LibXmlWorkflowParser final : public engine::WorkflowParser {
public:
    // Compiles the schema text (workflows/workflow.xsd). Returns kInvalidArgument with
    // libxml2's messages if it does not compile, and if it declares a DTD or refers to other
    // files (xs:include, xs:import with schemaLocation), which would make libxml2 read them.
    static engine::Result<std::unique_ptr<LibXmlWorkflowParser>> fromSchema(std::string xsdText);

    ~LibXmlWorkflowParser() override;
    LibXmlWorkflowParser(const LibXmlWorkflowParser&) = delete;
    LibXmlWorkflowParser& operator=(const LibXmlWorkflowParser&) = delete;

    // A <workflow> document: the definition (sha256 left empty for the caller to set) when
    // the text is safe, well-formed, schema-valid and every value maps; otherwise every
    // problem found (syntax problems stop the parse at the first). Semantic checks
    // (references, reachability, roles) are WorkflowValidator's.
    engine::ParsedWorkflow parse(std::string_view xml, const std::string& sourceName) const override;

    // A <roles> catalogue: the roles, or an empty list after appending the problems to
    // `diagnostics`.
    std::vector<engine::RoleDef> parseRoles(std::string_view xml, const std::string& sourceName,
                                            std::vector<engine::Diagnostic>& diagnostics) const override;

private:
    struct SchemaFree {
        void operator()(_xmlSchema* schema) const;
    };
    using SchemaPtr = std::unique_ptr<_xmlSchema, SchemaFree>;

    explicit LibXmlWorkflowParser(SchemaPtr schema);

    SchemaPtr schema_;
};

}  // namespace qujat::xml
