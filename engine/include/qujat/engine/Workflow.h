#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "qujat/engine/Time.h"

namespace qujat::engine {

// Where a construct was written, so every problem can be reported as file:line:column.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

// One problem found in a workflow definition (syntax, schema or semantics).
struct Diagnostic {
    SourceLocation where;
    std::string message;
    // "file:line:column: message", the format editors and CI understand.
    std::string toString() const;
};

// Text in the three languages of the UI. Missing languages fall back to another one.
struct LocalizedText {
    std::map<std::string, std::string> byLang;  // "kk", "ru", "en"
    // The text in `lang`, else ru, else en, else kk, else "".
    std::string in(const std::string& lang) const;
};

// An organisation relative to the document's origin, e.g. "origin", "origin.parent",
// "origin.parent.parent", "origin.district", "origin.region", "central".
struct OrgRef {
    enum class Anchor { kOrigin, kCentral };
    Anchor anchor = Anchor::kOrigin;
    int parentHops = 0;                 // ".parent" repeated
    std::optional<std::string> level;   // ".district" / ".region": the nearest ancestor-or-self at that level
    std::string text;                   // as written, for messages
};

// Who may act on a seat of a step. Written in XML as
//   role:NAME@ORGREF   one seat, filled by any holder of the role at that organisation
//   user:LOGIN         one seat for a named user
// With `each="true"` a role expression opens one seat per holder (e.g. every bureau member).
struct ActorExpr {
    enum class Kind { kRole, kUser };
    Kind kind = Kind::kRole;
    std::string role;     // kRole
    OrgRef org;           // kRole
    std::string login;    // kUser
    bool each = false;    // kRole only: one seat per holder
    std::string text;     // as written
    SourceLocation where;
};

enum class FieldType { kString, kText, kInteger, kDate, kBoolean, kEnum };

struct FieldOption {
    std::string value;
    LocalizedText label;
};

struct FieldDef {
    std::string name;
    FieldType type = FieldType::kString;
    bool required = false;
    std::optional<long long> min;         // kInteger: smallest value
    std::optional<long long> max;         // kInteger: largest value
    std::optional<std::size_t> maxLength; // kString/kText: in Unicode code points
    std::vector<FieldOption> options;     // kEnum
    LocalizedText label;
    SourceLocation where;
};

enum class StepKind {
    kSubmit,       // the author prepares the document; rejections return here
    kSign,         // approvers approve (later: with a signature) or reject with a comment
    kReview,       // like sign, without a signature
    kAcknowledge,  // like review, but cannot reject
    kRegister,     // a registrar approves and the document receives a registration number
    kBranch,       // chooses the next step by a field value; no one acts
    kEnd,          // the route is complete
};

// How the seats of a step decide.
enum class DecisionMode {
    kAll,       // every seat approves; any rejection returns the document
    kAny,       // the first approval completes the step; any rejection returns it
    kQuorum,    // k approvals complete it; it returns once k can no longer be reached
    kSequence,  // seats decide one after another in the written order; any rejection returns it
};

// Stable lower-case names, as written in workflow XML ("sign", "quorum", "enum").
const char* stepKindName(StepKind kind);
const char* decisionModeName(DecisionMode mode);
const char* fieldTypeName(FieldType type);

struct BranchCase {
    std::string equals;  // field value (as text) that selects this case
    std::string target;  // step id
    SourceLocation where;
};

struct Step {
    std::string id;
    StepKind kind = StepKind::kSign;
    LocalizedText title;
    DecisionMode mode = DecisionMode::kAll;
    int quorum = 0;                          // kQuorum: k
    std::vector<ActorExpr> actors;           // seats (kSubmit: who may submit)
    std::optional<std::string> next;         // explicit successor; default: the next step in file order
    std::optional<std::string> onReject;     // default: the first submit step
    std::optional<Millis> due;               // deadline after the step is entered
    std::optional<ActorExpr> escalateTo;     // who is added when the deadline passes
    std::string numberPattern;               // kRegister: e.g. "{org}-{yyyy}-{seq:5}"
    std::string branchField;                 // kBranch
    std::vector<BranchCase> cases;           // kBranch
    std::optional<std::string> otherwise;    // kBranch: target when no case matches
    SourceLocation where;
};

// A parsed workflow definition. Immutable once loaded; documents are pinned to the
// (id, version) they started with.
struct WorkflowDefinition {
    std::string id;
    int version = 0;
    std::string documentType;
    LocalizedText title;
    std::vector<FieldDef> fields;
    std::vector<Step> steps;      // in file order; the first is where a document starts
    std::string sha256;           // of the exact XML bytes it was loaded from
    SourceLocation where;

    const Step* step(const std::string& stepId) const;
    const FieldDef* field(const std::string& name) const;
};

// A role the directory may grant, from workflows/roles.xml.
struct RoleDef {
    std::string name;
    LocalizedText title;
};

}  // namespace qujat::engine
