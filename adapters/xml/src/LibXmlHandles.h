#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <optional>
#include <string>

// Owning handles for libxml2 objects, so every exit path frees them.
namespace qujat::xml {

struct XmlDocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XmlParserCtxtFree {
    void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
struct XmlSchemaParserCtxtFree {
    void operator()(xmlSchemaParserCtxt* ctxt) const { xmlSchemaFreeParserCtxt(ctxt); }
};
struct XmlSchemaValidCtxtFree {
    void operator()(xmlSchemaValidCtxt* ctxt) const { xmlSchemaFreeValidCtxt(ctxt); }
};
struct XmlCharFree {
    void operator()(xmlChar* text) const { xmlFree(text); }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;
using XmlParserCtxtPtr = std::unique_ptr<xmlParserCtxt, XmlParserCtxtFree>;
using XmlSchemaParserCtxtPtr = std::unique_ptr<xmlSchemaParserCtxt, XmlSchemaParserCtxtFree>;
using XmlSchemaValidCtxtPtr = std::unique_ptr<xmlSchemaValidCtxt, XmlSchemaValidCtxtFree>;
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharFree>;

// Takes ownership of a string libxml2 allocated; nullopt for null.
inline std::optional<std::string> takeXmlString(xmlChar* text) {
    XmlCharPtr owned(text);
    if (!owned) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(owned.get()));
}

// The error argument of xmlStructuredErrorFunc, which became const in libxml2 2.12.
#if LIBXML_VERSION >= 21200
using XmlErrorArg = const xmlError*;
#else
using XmlErrorArg = xmlError*;
#endif

inline const char* asChars(const xmlChar* text) { return reinterpret_cast<const char*>(text); }

}  // namespace qujat::xml
