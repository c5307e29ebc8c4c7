#include "WorkflowMapper.h"

#include <charconv>
#include <climits>

#include "qujat/engine/ActorExpression.h"
#include "qujat/engine/Time.h"

namespace qujat::xml {

namespace {

constexpr const char* kNamespace = "urn:qujat:workflow:1";

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool isElement(const xmlNode* node, const char* name) {
    return node->type == XML_ELEMENT_NODE && node->ns && xmlStrEqual(node->ns->href, BAD_CAST kNamespace) &&
           xmlStrEqual(node->name, BAD_CAST name);
}

std::vector<const xmlNode*> childElements(const xmlNode* parent) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) out.push_back(c);
    return out;
}

std::optional<std::string> attribute(const xmlNode* element, const char* name) {
    return takeXmlString(xmlGetNoNsProp(element, BAD_CAST name));
}

// Surrounding white space removed and inner runs reduced to one space, as xs:token does.
std::string collapse(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (isXmlSpace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string textOf(const xmlNode* element) {
    return collapse(takeXmlString(xmlNodeGetContent(element)).value_or(""));
}

// The lexical space of xs:integer after white-space collapsing: [+-]?[0-9]+.
std::optional<long long> parseInteger(const std::string& raw) {
    std::string text = collapse(raw);
    const bool plus = !text.empty() && text[0] == '+';
    if (plus) text.erase(0, 1);
    if (text.empty() || (plus && text[0] == '-')) return std::nullopt;
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end) return std::nullopt;
    return value;
}

std::optional<bool> parseBoolean(const std::string& raw) {
    const std::string text = collapse(raw);
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    return std::nullopt;
}

std::optional<engine::StepKind> stepKind(const std::string& text) {
    using engine::StepKind;
    if (text == "submit") return StepKind::kSubmit;
    if (text == "sign") return StepKind::kSign;
    if (text == "review") return StepKind::kReview;
    if (text == "acknowledge") return StepKind::kAcknowledge;
    if (text == "register") return StepKind::kRegister;
    return std::nullopt;
}

std::optional<engine::DecisionMode> decisionMode(const std::string& text) {
    using engine::DecisionMode;
    if (text == "all") return DecisionMode::kAll;
    if (text == "any") return DecisionMode::kAny;
    if (text == "quorum") return DecisionMode::kQuorum;
    if (text == "sequence") return DecisionMode::kSequence;
    return std::nullopt;
}

std::optional<engine::FieldType> fieldType(const std::string& text) {
    using engine::FieldType;
    if (text == "string") return FieldType::kString;
    if (text == "text") return FieldType::kText;
    if (text == "integer") return FieldType::kInteger;
    if (text == "date") return FieldType::kDate;
    if (text == "boolean") return FieldType::kBoolean;
    if (text == "enum") return FieldType::kEnum;
    return std::nullopt;
}

}  // namespace

WorkflowMapper::WorkflowMapper(const XmlDocument& document, DiagnosticCollector& diagnostics)
    : document_(document), diagnostics_(diagnostics) {}

void WorkflowMapper::report(const engine::SourceLocation& where, const std::string& message) {
    diagnostics_.add(where, message);
}

engine::WorkflowDefinition WorkflowMapper::workflow() {
    const xmlNode* root = document_.root();
    engine::WorkflowDefinition wf;
    wf.where = document_.where(root);
    wf.id = attribute(root, "id").value_or("");
    wf.version = static_cast<int>(integerAttribute(root, "version", 1, INT_MAX).value_or(0));
    wf.documentType = attribute(root, "document-type").value_or("");
    readTexts(root, "title", wf.title);
    for (const xmlNode* c : childElements(root)) {
        if (isElement(c, "title")) continue;
        if (isElement(c, "field")) wf.fields.push_back(field(c));
        else if (isElement(c, "step")) wf.steps.push_back(step(c));
        else if (isElement(c, "branch")) wf.steps.push_back(branch(c));
        else if (isElement(c, "end")) wf.steps.push_back(end(c));
        else report(document_.where(c), "unexpected element <" + std::string(asChars(c->name)) + ">");
    }
    return wf;
}

std::vector<engine::RoleDef> WorkflowMapper::roles() {
    std::vector<engine::RoleDef> out;
    for (const xmlNode* c : childElements(document_.root())) {
        if (!isElement(c, "role")) {
            report(document_.where(c), "unexpected element <" + std::string(asChars(c->name)) + ">");
            continue;
        }
        engine::RoleDef role;
        role.name = attribute(c, "name").value_or("");
        readTexts(c, "title", role.title);
        out.push_back(std::move(role));
    }
    return out;
}

engine::FieldDef WorkflowMapper::field(const xmlNode* element) {
    engine::FieldDef f;
    f.where = document_.where(element);
    f.name = attribute(element, "name").value_or("");
    const std::string type = attribute(element, "type").value_or("");
    if (auto t = fieldType(type)) f.type = *t;
    else report(document_.whereAttribute(element, "type"), "field '" + f.name + "': unknown type '" + type + "'");
    f.required = booleanAttribute(element, "required", false);
    f.min = integerAttribute(element, "min", LLONG_MIN, LLONG_MAX);
    f.max = integerAttribute(element, "max", LLONG_MIN, LLONG_MAX);
    if (auto length = integerAttribute(element, "max-length", 1, INT_MAX))
        f.maxLength = static_cast<std::size_t>(*length);
    readTexts(element, "label", f.label);
    for (const xmlNode* c : childElements(element)) {
        if (!isElement(c, "option")) continue;
        engine::FieldOption option;
        option.value = attribute(c, "value").value_or("");
        readTexts(c, "label", option.label);
        f.options.push_back(std::move(option));
    }
    return f;
}

engine::Step WorkflowMapper::step(const xmlNode* element) {
    engine::Step s;
    s.where = document_.where(element);
    s.id = attribute(element, "id").value_or("");
    const std::string what = "step '" + s.id + "'";
    const std::string kind = attribute(element, "kind").value_or("");
    if (auto k = stepKind(kind)) s.kind = *k;
    else report(document_.whereAttribute(element, "kind"), what + ": unknown kind '" + kind + "'");
    readTexts(element, "title", s.title);

    if (auto mode = attribute(element, "mode")) {
        if (auto m = decisionMode(*mode)) s.mode = *m;
        else report(document_.whereAttribute(element, "mode"), what + ": unknown mode '" + *mode + "'");
    }
    if (auto k = integerAttribute(element, "k", 1, 1000)) s.quorum = static_cast<int>(*k);

    // Seats: the actor attribute first, then the <actor> elements, in the order written.
    if (auto text = attribute(element, "actor"))
        if (auto a = actor(*text, false, document_.whereAttribute(element, "actor"))) s.actors.push_back(*a);
    for (const xmlNode* c : childElements(element)) {
        if (!isElement(c, "actor")) continue;
        if (auto a = actor(textOf(c), booleanAttribute(c, "each", false), document_.where(c)))
            s.actors.push_back(*a);
    }

    s.next = attribute(element, "next");
    s.onReject = attribute(element, "on-reject");
    if (auto due = attribute(element, "due")) {
        if (auto millis = engine::parseIsoDuration(*due)) s.due = *millis;
        else
            report(document_.whereAttribute(element, "due"),
                   what + ": due=\"" + *due + "\" is not a deadline: write a positive number of days, hours or "
                                              "minutes, e.g. P3D, PT12H or P1DT6H");
    }
    if (auto text = attribute(element, "escalate"))
        s.escalateTo = actor(*text, false, document_.whereAttribute(element, "escalate"));
    s.numberPattern = attribute(element, "number").value_or("");
    return s;
}

engine::Step WorkflowMapper::branch(const xmlNode* element) {
    engine::Step s;
    s.kind = engine::StepKind::kBranch;
    s.where = document_.where(element);
    s.id = attribute(element, "id").value_or("");
    s.branchField = attribute(element, "field").value_or("");
    readTexts(element, "title", s.title);
    for (const xmlNode* c : childElements(element)) {
        if (isElement(c, "when"))
            s.cases.push_back({attribute(c, "equals").value_or(""), attribute(c, "goto").value_or(""), document_.where(c)});
        else if (isElement(c, "otherwise"))
            s.otherwise = attribute(c, "goto");
    }
    return s;
}

engine::Step WorkflowMapper::end(const xmlNode* element) {
    engine::Step s;
    s.kind = engine::StepKind::kEnd;
    s.where = document_.where(element);
    s.id = attribute(element, "id").value_or("");
    readTexts(element, "title", s.title);
    return s;
}

void WorkflowMapper::readTexts(const xmlNode* parent, const char* elementName, engine::LocalizedText& into) {
    const std::string tag = std::string("<") + elementName + ">";
    for (const xmlNode* c : childElements(parent)) {
        if (!isElement(c, elementName)) continue;
        const auto lang = takeXmlString(xmlGetNsProp(c, BAD_CAST "lang", XML_XML_NAMESPACE));
        if (!lang) {
            report(document_.where(c), tag + " needs xml:lang=\"kk\", \"ru\" or \"en\"");
        } else if (*lang != "kk" && *lang != "ru" && *lang != "en") {
            report(document_.whereAttribute(c, "xml:lang"),
                   "xml:lang=\"" + *lang + "\" is not a language of the interface: use kk, ru or en");
        } else if (into.byLang.count(*lang)) {
            report(document_.whereAttribute(c, "xml:lang"), "a second " + tag + " in '" + *lang + "': write each language once");
        } else {
            into.byLang[*lang] = textOf(c);
        }
    }
}

std::optional<engine::ActorExpr> WorkflowMapper::actor(const std::string& text, bool each,
                                                        const engine::SourceLocation& where) {
    auto parsed = engine::parseActorExpr(text);
    if (!parsed.isOk()) {
        report(where, parsed.status().message());
        return std::nullopt;
    }
    engine::ActorExpr a = std::move(parsed).value();
    a.each = each;
    a.where = where;
    return a;
}

std::optional<long long> WorkflowMapper::integerAttribute(const xmlNode* element, const char* name, long long min,
                                                          long long max) {
    const auto text = attribute(element, name);
    if (!text) return std::nullopt;
    const auto value = parseInteger(*text);
    if (!value || *value < min || *value > max) {
        report(document_.whereAttribute(element, name), std::string(name) + "=\"" + *text +
                                                            "\" is not a whole number from " + std::to_string(min) +
                                                            " to " + std::to_string(max));
        return std::nullopt;
    }
    return value;
}

bool WorkflowMapper::booleanAttribute(const xmlNode* element, const char* name, bool byDefault) {
    const auto text = attribute(element, name);
    if (!text) return byDefault;
    if (auto value = parseBoolean(*text)) return *value;
    report(document_.whereAttribute(element, name), std::string(name) + "=\"" + *text + "\" must be true or false");
    return byDefault;
}

}  // namespace qujat::xml
