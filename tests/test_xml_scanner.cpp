// The XML scanner the XES reader uses: what a real XES file holds, whole or fed
// a byte at a time, and malformed XML refused with its line.
#include "model/core/error.h"
#include "model/events/readers/xml_scanner.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace strawman::model;

namespace {

// Every tag as one line of text: "<name a=v b=w> @line" and "</name> @line".
struct Transcript : XmlHandler {
    XmlScanner* scanner = nullptr;
    std::vector<std::string> tags;
    void startElement(std::string_view name, const std::vector<XmlAttribute>& attributes) override {
        std::string t = "<" + std::string(name);
        for (const auto& a : attributes)
            t += " " + std::string(a.name) + "=" + std::string(a.value);
        tags.push_back(t + "> @" + std::to_string(scanner->line()));
    }
    void endElement(std::string_view name) override {
        tags.push_back("</" + std::string(name) + "> @" + std::to_string(scanner->line()));
    }
};

std::string lines(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) out += t + "\n";
    return out;
}

// The transcript of text fed in pieces of `piece` bytes (0: all at once), a tag a line.
std::string scan(const std::string& text, std::size_t piece = 0) {
    Transcript t;
    XmlScanner scanner("log.xes", t);
    t.scanner = &scanner;
    if (piece == 0) piece = text.size() + 1;
    for (std::size_t at = 0; at < text.size(); at += piece)
        scanner.feed(text.data() + at, std::min(piece, text.size() - at));
    scanner.finish();
    return lines(t.tags);
}

// The InputError text gives, as "line: reason".
std::string errorOf(const std::string& text) {
    try {
        scan(text);
    } catch (const InputError& e) {
        CHECK(e.file() == "log.xes");
        return std::to_string(e.line()) + ": " + e.reason();
    }
    return "no error";
}

} // namespace

TEST_CASE("the XML scanner reads what real XES files hold, fed whole or a byte at a time") {
    const std::string text =
        "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8'?>\n"
        "<!-- exported by ProM -->\n"
        "<!DOCTYPE log [ <!ELEMENT log ANY> ]>\n"
        "<log xes.version=\"1.0\" xmlns='http://www.xes-standard.org/'>\n"
        "  <extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://x/lifecycle.xesext\"/>\n"
        "  <global scope=\"event\"><string key=\"concept:name\" value=\"__INVALID__\"/></global>\n"
        "  <classifier name=\"Activity\" keys=\"concept:name lifecycle:transition\"/>\n"
        "  <trace>\n"
        "    <event>\n"
        "      <string value='R&amp;D &lt;urgent&gt; &quot;A&quot; &apos;B&apos;' "
        "key='concept:name'/>\n"
        "      <string key = \"org:resource\"\n"
        "              value=\"Dr &#xE9;mile &#233;\"/>\n"
        "      <![CDATA[ <not a tag/> ]]>\n"
        "      <list key=\"reviewers\"><values><string key=\"a\" value=\"b\"/></values></list>\n"
        "      <string key=\"note\" value=\"two\nlines\tand a tab\"/>\n"
        "    </event>\n"
        "  </trace>\n"
        "</log>\n"
        "<!-- trailing comment -->\n";
    const std::vector<std::string> expected = {
        "<log xes.version=1.0 xmlns=http://www.xes-standard.org/> @4",
        "<extension name=Lifecycle prefix=lifecycle uri=http://x/lifecycle.xesext> @5",
        "</extension> @5",
        "<global scope=event> @6",
        "<string key=concept:name value=__INVALID__> @6",
        "</string> @6",
        "</global> @6",
        "<classifier name=Activity keys=concept:name lifecycle:transition> @7",
        "</classifier> @7",
        "<trace> @8",
        "<event> @9",
        "<string value=R&D <urgent> \"A\" 'B' key=concept:name> @10",
        "</string> @10",
        "<string key=org:resource value=Dr \xC3\xA9mile \xC3\xA9> @11",
        "</string> @11",
        "<list key=reviewers> @14",
        "<values> @14",
        "<string key=a value=b> @14",
        "</string> @14",
        "</values> @14",
        "</list> @14",
        "<string key=note value=two lines and a tab> @15",
        "</string> @15",
        "</event> @17",
        "</trace> @18",
        "</log> @19",
    };
    CHECK(scan(text) == lines(expected));
    CHECK(scan(text, 1) == lines(expected));
    CHECK(scan(text, 7) == lines(expected));
}

TEST_CASE("a log declared ISO-8859-1 gives its values as UTF-8") {
    const std::string text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                             "<log><string key=\"concept:name\" value=\"caf\xE9\"/></log>";
    CHECK(scan(text) == lines({"<log> @2", "<string key=concept:name value=caf\xC3\xA9> @2",
                               "</string> @2", "</log> @2"}));
}

TEST_CASE("malformed XML is refused with the line and the reason") {
    CHECK(errorOf("<log>\n<trace>\n</event>\n</log>") ==
          "3: malformed XML: mismatched tag: </event> where </trace> was expected");
    CHECK(errorOf("<log>\n<trace>\n") == "3: malformed XML: the file ends before </trace>");
    CHECK(errorOf("<log>\n<string key=\"a\" value=\"b\n") ==
          "2: malformed XML: the file ends inside a tag");
    CHECK(errorOf("<log>\n\n<string key=\"a\" value=\"R&D\"/></log>") ==
          "3: malformed XML: an '&' that starts no entity (write &amp;)");
    CHECK(errorOf("<log>\n<string key=\"a\" value=\"&nbsp;\"/></log>") ==
          "2: malformed XML: undefined entity &nbsp;");
    CHECK(errorOf("<log>\n<string key=\"a\" value=\"&#0;\"/></log>") ==
          "2: malformed XML: &#0; is not a character XML allows");
    CHECK(errorOf("<log>\n<string key=\"a\" value=\"a<b\"/></log>") ==
          "2: malformed XML: '<' in an attribute value (write &lt;)");
    CHECK(errorOf("<log>\n<string key=a/></log>") ==
          "2: malformed XML: the value of attribute key is not in quotes");
    CHECK(errorOf("<log>\n<string key=\"a\"value=\"b\"/></log>") ==
          "2: malformed XML: attributes of <string> not separated by white space");
    CHECK(errorOf("<log>\n<string key/></log>") ==
          "2: malformed XML: attribute key of <string> has no value");
    CHECK(errorOf("<log>\n<string key=\"caf\xE9\"/></log>") ==
          "2: malformed XML: an attribute value that is not valid UTF-8");
    CHECK(errorOf("<log/>\n<log/>") == "2: malformed XML: <log> after the end of the root element");
    CHECK(errorOf("<log/>\ntext") == "2: malformed XML: text after the end of the root element");
    CHECK(errorOf("\xFF\xFE<\0l\0o\0g\0") ==
          "1: malformed XML: the file is UTF-16; save the log as UTF-8");
    CHECK(errorOf("<?xml version=\"1.0\" encoding=\"windows-1252\"?><log/>") ==
          "1: malformed XML: the log's encoding windows-1252 is not read; save it as UTF-8");
    CHECK(errorOf("<log>\n<!ENTITY x \"y\">\n</log>") ==
          "2: malformed XML: '<!' that starts no comment, CDATA section or DOCTYPE");
}

TEST_CASE("line numbers count every line end, in text, tags, values and comments") {
    const std::string text =
        "<log>\r\n<!-- a\ncomment -->\n<trace\n  a=\"1\"\n>\n<event b=\"x\ny\"/>"
        "<event/>\n</trace></log>";
    CHECK(scan(text) == lines({"<log> @1", "<trace a=1> @4", "<event b=x y> @7", "</event> @7",
                               "<event> @8", "</event> @8", "</trace> @9", "</log> @9"}));
    CHECK(scan(text, 3) == scan(text));
}
