#include "SecureXmlReader.h"

#include <libxml/SAX2.h>
#include <libxml/xmlschemastypes.h>

#include <mutex>
#include <string>
#include <unordered_map>

namespace qujat::xml {

namespace {

constexpr const char* kDoctypeRefused = "DOCTYPE is not allowed: workflow files may not declare DTDs or entities";
constexpr const char* kXIncludeRefused = "XInclude is not allowed: workflow files may not include other files";
constexpr const char* kXIncludeNamespace = "http://www.w3.org/2001/XInclude";
constexpr const char* kOldXIncludeNamespace = "http://www.w3.org/2003/XInclude";

// What the SAX callbacks of one parse share, reached through xmlParserCtxt::_private.
struct ReadState {
    const SourceText& source;
    DiagnosticCollector& diagnostics;
    int depth = 0;
    // Set once we stop the parser ourselves: libxml2's follow-up complaints are noise.
    bool refused = false;
    std::unordered_map<const xmlNode*, std::size_t> tagOffsets{};
};

xmlParserCtxt* parserOf(void* ctx) { return static_cast<xmlParserCtxt*>(ctx); }

ReadState& stateOf(xmlParserCtxt* ctxt) { return *static_cast<ReadState*>(ctxt->_private); }

// Byte offset in the source of a position in libxml2's input buffer. Exact because only
// UTF-8 reaches libxml2 (see precheck), so the buffer holds the source bytes unconverted.
std::size_t offsetOf(const xmlParserCtxt* ctxt, const xmlChar* at) {
    const xmlParserInput* in = ctxt->input;
    return static_cast<std::size_t>(in->consumed) + static_cast<std::size_t>(at - in->base);
}

// Offset of the '<' of the start tag being reported. libxml2 calls startElementNs with
// the cursor at the tag's closing '>' and never shrinks its buffer inside a start tag;
// attribute values cannot contain a raw '<', so the nearest one back is the tag's.
std::size_t tagStart(const xmlParserCtxt* ctxt) {
    const xmlChar* p = ctxt->input->cur;
    while (p > ctxt->input->base && *p != '<') --p;
    return offsetOf(ctxt, p);
}

void refuse(xmlParserCtxt* ctxt, std::size_t offset, const std::string& message) {
    ReadState& state = stateOf(ctxt);
    state.diagnostics.add(state.source.locate(offset), message);
    state.refused = true;
    xmlStopParser(ctxt);
}

// Called once '<!DOCTYPE name ...' is read and before any '[' internal subset is parsed,
// so stopping here means no entity (general, parameter or external) is ever declared.
void onDoctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    xmlParserCtxt* ctxt = parserOf(ctx);
    const std::size_t here = offsetOf(ctxt, ctxt->input->cur);
    const std::size_t at = stateOf(ctxt).source.text().rfind("<!DOCTYPE", here);
    refuse(ctxt, at == std::string_view::npos ? here : at, kDoctypeRefused);
}

void onStartElement(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
                    int namespaceCount, const xmlChar** namespaces, int attributeCount, int defaultedCount,
                    const xmlChar** attributes) {
    xmlParserCtxt* ctxt = parserOf(ctx);
    ReadState& state = stateOf(ctxt);
    const std::size_t start = tagStart(ctxt);
    if (++state.depth > SecureXmlReader::kMaxDepth)
        return refuse(ctxt, start,
                      "elements are nested more than " + std::to_string(SecureXmlReader::kMaxDepth) + " levels deep");
    if (uri && (xmlStrEqual(uri, BAD_CAST kXIncludeNamespace) || xmlStrEqual(uri, BAD_CAST kOldXIncludeNamespace)))
        return refuse(ctxt, start, kXIncludeRefused);
    const xmlNode* parent = ctxt->node;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount,
                          attributes);
    if (ctxt->node && ctxt->node != parent) state.tagOffsets.emplace(ctxt->node, start);
}

void onEndElement(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
    --stateOf(parserOf(ctx)).depth;
    xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

void onParserError(void* ctx, XmlErrorArg error) {
    ReadState& state = stateOf(parserOf(ctx));
    // Warnings do not make a file invalid (xmllint does not fail on them either).
    if (state.refused || !error || error->level == XML_ERR_WARNING) return;
    const engine::SourceLocation where{state.source.name(), error->line > 0 ? error->line : 1,
                                       error->int2 > 0 ? error->int2 : 1};
    state.diagnostics.add(where, error->message ? error->message : "the file is not well-formed XML");
}

bool isUtf8Name(std::string_view name) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    std::string folded;
    for (char c : name) folded += lower(c);
    return folded == "utf-8" || folded == "utf8";
}

std::string hexByte(unsigned char c) {
    static const char* kDigits = "0123456789ABCDEF";
    return std::string("0x") + kDigits[c >> 4] + kDigits[c & 0xF];
}

// Checks on the raw bytes, before libxml2 sees them: size, emptiness and encoding (a
// declared encoding first: for a Latin-1 file that is the clearer message). Only
// UTF-8 passes, so libxml2 never converts (and offsets into its buffer are source offsets).
bool precheck(const SourceText& source, DiagnosticCollector& diagnostics) {
    const std::string_view text = source.text();
    if (text.size() > SecureXmlReader::kMaxBytes) {
        diagnostics.add(source.start(), "the file is " + std::to_string(text.size()) +
                                            " bytes; workflow files may be at most 1 MiB (" +
                                            std::to_string(SecureXmlReader::kMaxBytes) + " bytes)");
        return false;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diagnostics.add(source.start(), "the file is empty: expected an XML document");
        return false;
    }
    const auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    if (text.size() >= 2 && ((byteAt(0) == 0xFE && byteAt(1) == 0xFF) || (byteAt(0) == 0xFF && byteAt(1) == 0xFE))) {
        diagnostics.add(source.start(), "the file is UTF-16 or UTF-32 (it starts with such a byte order mark); "
                                        "workflow files must be UTF-8");
        return false;
    }
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        diagnostics.add(source.locate(nul), "the file contains a NUL byte, so it is not UTF-8 text "
                                            "(UTF-16 and UTF-32 are not accepted); workflow files must be UTF-8");
        return false;
    }
    const std::size_t declaration = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    if (text.compare(declaration, 5, "<?xml") == 0 && text.size() > declaration + 5 &&
        (text[declaration + 5] == ' ' || text[declaration + 5] == '\t' || text[declaration + 5] == '\r' ||
         text[declaration + 5] == '\n')) {
        for (const RawAttribute& a : source.attributesOfTag(declaration)) {
            if (a.name == "encoding" && !isUtf8Name(a.value)) {
                diagnostics.add(source.locate(a.offset), "encoding \"" + std::string(a.value) +
                                                             "\" is not allowed: workflow files must be UTF-8 "
                                                             "(declare encoding=\"UTF-8\" or no encoding)");
                return false;
            }
        }
    }
    if (const auto bad = source.firstInvalidUtf8()) {
        diagnostics.add(source.locate(*bad), "invalid UTF-8 (byte " + hexByte(byteAt(*bad)) +
                                                 "): workflow files must be UTF-8");
        return false;
    }
    return true;
}

}  // namespace

void SecureXmlReader::initialiseLibXml() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        // Not thread-safe in libxml2 2.9 and otherwise run lazily by the first schema use.
        xmlSchemaInitTypes();
    });
}

std::optional<XmlDocument> SecureXmlReader::read(const SourceText& source, DiagnosticCollector& diagnostics) {
    initialiseLibXml();
    const std::size_t problemsBefore = diagnostics.size();
    if (!precheck(source, diagnostics)) return std::nullopt;

    XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
    if (!ctxt) {
        diagnostics.add(source.start(), "out of memory while reading the file");
        return std::nullopt;
    }
    ReadState state{source, diagnostics};
    ctxt->_private = &state;
    xmlSAXHandler* sax = ctxt->sax;
    sax->internalSubset = onDoctype;
    sax->startElementNs = onStartElement;
    sax->endElementNs = onEndElement;
    sax->serror = onParserError;
    // Unreachable behind onDoctype; removed anyway so that no declaration could register
    // an entity and no subset could be loaded even if a DOCTYPE got through.
    sax->externalSubset = nullptr;
    sax->entityDecl = nullptr;
    sax->unparsedEntityDecl = nullptr;
    sax->notationDecl = nullptr;
    sax->elementDecl = nullptr;
    sax->attributeDecl = nullptr;
    sax->resolveEntity = nullptr;

    // XML_PARSE_NONET and nothing else: no NOENT (substitutes entities and reads local
    // files even with NONET), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no HUGE (keeps
    // libxml2's own size and depth limits).
    const std::string_view text = source.text();
    XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()), nullptr, nullptr,
                                    XML_PARSE_NONET));
    if (state.refused || diagnostics.size() > problemsBefore || !doc) {
        if (diagnostics.size() == problemsBefore) diagnostics.add(source.start(), "the file is not well-formed XML");
        return std::nullopt;
    }
    if (doc->intSubset || doc->extSubset) {
        diagnostics.add(source.start(), kDoctypeRefused);
        return std::nullopt;
    }
    if (doc->encoding && !isUtf8Name(asChars(doc->encoding))) {
        diagnostics.add(source.start(), "encoding \"" + std::string(asChars(doc->encoding)) +
                                            "\" is not allowed: workflow files must be UTF-8");
        return std::nullopt;
    }
    if (!xmlDocGetRootElement(doc.get())) {
        diagnostics.add(source.start(), "the file has no root element");
        return std::nullopt;
    }
    return XmlDocument(std::move(doc), std::move(state.tagOffsets), source);
}

}  // namespace qujat::xml
