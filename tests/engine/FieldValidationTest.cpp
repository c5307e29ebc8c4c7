// Document fields against their workflow's declarations.
#include <catch2/catch.hpp>

#include "qujat/engine/FieldValidation.h"

using namespace qujat::engine;

namespace {

WorkflowDefinition withFields() {
    WorkflowDefinition wf;
    wf.id = "protocol";
    FieldDef date{"meeting-date", FieldType::kDate, true, {}, {}, {}, {}, {}, {}};
    FieldDef present{"present", FieldType::kInteger, false, 1, 500, {}, {}, {}, {}};
    FieldDef agenda{"agenda", FieldType::kString, false, {}, {}, 10, {}, {}, {}};
    FieldDef kind{"kind", FieldType::kEnum, false, {}, {}, {}, {{"annual", {}}, {"quarterly", {}}}, {}, {}};
    FieldDef urgent{"urgent", FieldType::kBoolean, false, {}, {}, {}, {}, {}, {}};
    wf.fields = {date, present, agenda, kind, urgent};
    return wf;
}

}  // namespace

TEST_CASE("valid fields are accepted", "[fields]") {
    const auto wf = withFields();
    CHECK(validateFields(wf, {{"meeting-date", "2024-02-29"}}).isOk());
    CHECK(validateFields(wf, {{"meeting-date", "2026-01-31"}, {"present", "500"}, {"agenda", "Күн тәрт"},
                              {"kind", "annual"}, {"urgent", "false"}})
              .isOk());
    // An empty optional field counts as absent.
    CHECK(validateFields(wf, {{"meeting-date", "2026-01-31"}, {"present", ""}}).isOk());
}

TEST_CASE("each invalid field is refused with a message naming it", "[fields]") {
    const auto wf = withFields();
    std::map<std::string, std::string> fields = {{"meeting-date", "2026-01-31"}};
    std::string expected;
    SECTION("missing required") { fields.erase("meeting-date"); expected = "field 'meeting-date' is required"; }
    SECTION("empty required") { fields["meeting-date"] = ""; expected = "field 'meeting-date' is required"; }
    SECTION("not a calendar date") { fields["meeting-date"] = "2026-02-30"; expected = "'meeting-date' must be a calendar date"; }
    SECTION("below min") { fields["present"] = "0"; expected = "'present' must be at least 1"; }
    SECTION("above max") { fields["present"] = "501"; expected = "'present' must be at most 500"; }
    SECTION("not a number") { fields["present"] = "12a"; expected = "'present' must be a whole number"; }
    SECTION("overflowing number") { fields["present"] = "99999999999999999999"; expected = "'present' must be a whole number"; }
    // Ten Kazakh letters are ten characters, though twenty bytes.
    SECTION("too long in code points") { fields["agenda"] = "әәәәәәәәәәә"; expected = "is 11 characters long; at most 10"; }
    SECTION("a line break in a single-line field") { fields["agenda"] = "a\nb"; expected = "'agenda' must be a single line"; }
    SECTION("invalid UTF-8") { fields["agenda"] = "\xC3\x28"; expected = "'agenda' is not valid UTF-8"; }
    SECTION("not an option") { fields["kind"] = "monthly"; expected = "must be one of annual, quarterly"; }
    SECTION("not a boolean") { fields["urgent"] = "yes"; expected = "'urgent' must be true or false"; }
    SECTION("undeclared") { fields["colour"] = "red"; expected = "has no field 'colour'"; }
    Status s = validateFields(wf, fields);
    REQUIRE_FALSE(s.isOk());
    CHECK(s.code() == StatusCode::kInvalidArgument);
    CHECK_THAT(s.message(), Catch::Contains(expected));
}
