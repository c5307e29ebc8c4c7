#include "qujat/xml/LibXmlWorkflowParser.h"

#include <climits>

#include "DiagnosticCollector.h"
#include "LibXmlHandles.h"
#include "SecureXmlReader.h"
#include "SourceText.h"
#include "WorkflowMapper.h"
#include "XmlDocument.h"

namespace qujat::xml {

namespace {

constexpr const char* kNamespace = "urn:qujat:workflow:1";

void onSchemaCompileError(void* ctx, XmlErrorArg error) {
    auto& messages = *static_cast<std::string*>(ctx);
    if (!error || error->level == XML_ERR_WARNING) return;
    if (!messages.empty()) messages += "; ";
    if (error->line > 0) messages += "line " + std::to_string(error->line) + ": ";
    messages += DiagnosticCollector::clean(error->message ? error->message : "unknown error");
}

// What the validation error callback of one validation needs.
struct ValidationState {
    const XmlDocument& document;
    DiagnosticCollector& diagnostics;
    // The node and attribute of the previous error.
    const xmlNode* lastNode = nullptr;
    std::string lastAttribute{};
};

// What to write instead, for a value the schema refuses by a pattern or a type; libxml2
// would otherwise quote a regular expression or a schema type name.
std::string valueHint(const std::string& name) {
    if (name == "actor" || name == "escalate")
        return "write role:NAME@ORG (ORG is origin, origin.parent, origin.district, origin.region or central) "
               "or user:LOGIN";
    if (name == "due") return "write days, hours and minutes, e.g. P3D, PT12H or P1DT6H";
    if (name == "id" || name == "name" || name == "next" || name == "on-reject" || name == "goto" ||
        name == "field" || name == "document-type")
        return "use lower-case letters, digits and '-', starting with a letter, at most 64 characters";
    if (name == "k") return "write a whole number from 1 to 1000";
    if (name == "version" || name == "max-length") return "write a whole number from 1";
    if (name == "min" || name == "max") return "write a whole number";
    if (name == "required" || name == "each") return "write true or false";
    return "";
}

// libxml2 reports an attribute's error against its element and names the attribute only
// in the message: "Element 'step', attribute 'due': ...".
std::string attributeNamedIn(const std::string& message) {
    const std::string marker = ", attribute '";
    const std::size_t at = message.find(marker);
    if (at == std::string::npos) return "";
    const std::size_t start = at + marker.size();
    const std::size_t end = message.find('\'', start);
    return end == std::string::npos ? "" : message.substr(start, end - start);
}

void onValidationError(void* ctx, XmlErrorArg error) {
    auto& state = *static_cast<ValidationState*>(ctx);
    if (!error || error->level == XML_ERR_WARNING) return;
    std::string message =
        DiagnosticCollector::clean(error->message ? error->message : "the document does not match the schema");
    const auto* node = static_cast<const xmlNode*>(error->node);
    const std::string attributeName = attributeNamedIn(message);

    // A refused value can draw follow-up errors about the same attribute (its type, the
    // identity constraints that use it); the first says it all.
    const bool sameSubject = node && node == state.lastNode && attributeName == state.lastAttribute;
    const bool followUp = message.find("is not a valid value of the") != std::string::npos ||
                          message.find("No precomputed value available") != std::string::npos;
    if (sameSubject && followUp) return;
    state.lastNode = node;
    state.lastAttribute = attributeName;

    const std::string hint =
        valueHint(!attributeName.empty() ? attributeName : node && node->name ? asChars(node->name) : "");
    for (const char* refusal : {" is not accepted by the pattern '", " is not a valid value of the "}) {
        const std::size_t at = message.find(refusal);
        if (at == std::string::npos || hint.empty()) continue;
        message = message.substr(0, at) + " is not valid: " + hint;
        const std::string facet = "[facet 'pattern'] ";
        if (const std::size_t f = message.find(facet); f != std::string::npos) message.erase(f, facet.size());
        break;
    }

    engine::SourceLocation where{state.document.source().name(), error->line > 0 ? error->line : 1, 1};
    if (node && node->type == XML_ELEMENT_NODE && !attributeName.empty())
        where = state.document.whereAttribute(node, attributeName);
    else if (node)
        where = state.document.whereNode(node);
    state.diagnostics.add(where, message);
}

bool hasRoot(const XmlDocument& document, const std::string& expected, DiagnosticCollector& diagnostics) {
    const xmlNode* root = document.root();
    const std::string name = asChars(root->name);
    const std::string ns = root->ns ? asChars(root->ns->href) : "";
    if (name == expected && ns == kNamespace) return true;
    const std::string wanted = "<" + expected + " xmlns=\"" + kNamespace + "\">";
    if (name == expected)
        diagnostics.add(document.where(root), "the root element must be " + wanted + "; this one is in " +
                                                  (ns.empty() ? "no namespace" : "namespace '" + ns + "'"));
    else
        diagnostics.add(document.where(root),
                        "the root element must be " + wanted + ", not <" + name + ">" +
                            (name == "roles" ? " (this is a role catalogue)" : "") +
                            (name == "workflow" ? " (this is a workflow, not a role catalogue)" : ""));
    return false;
}

bool isSchemaValid(xmlSchema* schema, const XmlDocument& document, DiagnosticCollector& diagnostics) {
    const std::size_t problemsBefore = diagnostics.size();
    XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(schema));
    if (!ctxt) {
        diagnostics.add(document.source().start(), "out of memory while validating the file");
        return false;
    }
    ValidationState state{document, diagnostics};
    xmlSchemaSetValidStructuredErrors(ctxt.get(), onValidationError, &state);
    const int result = xmlSchemaValidateDoc(ctxt.get(), document.doc());
    if (result != 0 && diagnostics.size() == problemsBefore)
        diagnostics.add(document.source().start(), result < 0 ? "internal error while validating against the schema"
                                                              : "the file does not match workflow.xsd");
    return result == 0 && diagnostics.size() == problemsBefore;
}

}  // namespace

void LibXmlWorkflowParser::SchemaFree::operator()(_xmlSchema* schema) const { xmlSchemaFree(schema); }

LibXmlWorkflowParser::LibXmlWorkflowParser(SchemaPtr schema) : schema_(std::move(schema)) {}

LibXmlWorkflowParser::~LibXmlWorkflowParser() = default;

engine::Result<std::unique_ptr<LibXmlWorkflowParser>> LibXmlWorkflowParser::fromSchema(std::string xsdText) {
    SecureXmlReader::initialiseLibXml();
    // libxml2 reads a schema with entity substitution on and follows its includes, so the
    // schema must be self-contained: then compiling it reads nothing but this text.
    if (xsdText.find("<!DOCTYPE") != std::string::npos)
        return engine::invalidArgument("the workflow schema may not declare a DTD");
    if (xsdText.find("schemaLocation") != std::string::npos)
        return engine::invalidArgument("the workflow schema may not include or import other files (schemaLocation)");
    if (xsdText.empty() || xsdText.size() > static_cast<std::size_t>(INT_MAX))
        return engine::invalidArgument("the workflow schema is empty or too large");

    XmlSchemaParserCtxtPtr ctxt(xmlSchemaNewMemParserCtxt(xsdText.data(), static_cast<int>(xsdText.size())));
    if (!ctxt) return engine::internalError("out of memory while compiling the workflow schema");
    std::string messages;
    xmlSchemaSetParserStructuredErrors(ctxt.get(), onSchemaCompileError, &messages);
    SchemaPtr schema(xmlSchemaParse(ctxt.get()));
    if (!schema)
        return engine::invalidArgument("the workflow schema does not compile: " +
                                       (messages.empty() ? std::string("it is not a well-formed XML Schema") : messages));
    return std::unique_ptr<LibXmlWorkflowParser>(new LibXmlWorkflowParser(std::move(schema)));
}

engine::ParsedWorkflow LibXmlWorkflowParser::parse(std::string_view xml, const std::string& sourceName) const {
    engine::ParsedWorkflow out;
    DiagnosticCollector diagnostics(out.diagnostics);
    const SourceText source(xml, sourceName);
    const auto document = SecureXmlReader::read(source, diagnostics);
    if (!document || !hasRoot(*document, "workflow", diagnostics) ||
        !isSchemaValid(schema_.get(), *document, diagnostics))
        return out;
    engine::WorkflowDefinition definition = WorkflowMapper(*document, diagnostics).workflow();
    if (diagnostics.empty()) out.definition = std::move(definition);
    return out;
}

std::vector<engine::RoleDef> LibXmlWorkflowParser::parseRoles(std::string_view xml, const std::string& sourceName,
                                                              std::vector<engine::Diagnostic>& diagnostics) const {
    const std::size_t problemsBefore = diagnostics.size();
    DiagnosticCollector collector(diagnostics);
    const SourceText source(xml, sourceName);
    const auto document = SecureXmlReader::read(source, collector);
    if (!document || !hasRoot(*document, "roles", collector) || !isSchemaValid(schema_.get(), *document, collector))
        return {};
    std::vector<engine::RoleDef> roles = WorkflowMapper(*document, collector).roles();
    if (diagnostics.size() != problemsBefore) return {};
    return roles;
}

}  // namespace qujat::xml
