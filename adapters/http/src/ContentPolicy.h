#pragma once

#include <string>

namespace qujat::http {

// The media type to store for an upload: the declared one normalised (lower case,
// "type/subtype" plus a charset if given), or one guessed from the file name's extension
// when nothing usable was declared (application/octet-stream when unknown).
std::string storedMediaType(const std::string& declared, const std::string& fileName);

// How a stored version is served.
struct ContentHeaders {
    std::string contentType;
    std::string disposition;  // RFC 6266, with filename*=UTF-8''...
    bool inlineShown = false;
};

// Only PDF, PNG, JPEG and plain text (with a charset; UTF-8 when none was stored) are
// shown inline; everything else, HTML and SVG above all, is an attachment, so nothing
// uploaded can run as a page of this site.
ContentHeaders contentHeadersFor(const std::string& mediaType, const std::string& fileName);

// The Content-Security-Policy of content shown inline: the web UI (and only it) may frame it,
// and it may load nothing. All but PDF are also sandboxed; Chromium refuses to run its PDF
// viewer in a sandboxed frame, and a PDF's own scripts are not run by browsers' viewers.
std::string framedContentPolicy(const std::string& contentType);

}  // namespace qujat::http
