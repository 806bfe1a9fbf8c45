// End to end: the HTML report looked at in a real browser. snipcheck runs a
// document into report.html (and report.json for the numbers), Debian's
// chromium renders it headless: the screenshot must be a real picture (a
// PNG of the size asked, many colours, the status colours of the totals
// bar), and the page as rendered, after its script ran, must show the run's
// totals and none of the hostile markup in the document as markup.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"
#include "tests/e2e/shell_command.hpp"
#include "tests/temp_folder.hpp"

namespace {

using snipcheck::test::content_of;
using snipcheck::test::TempFolder;

using nlohmann::json;
using snipcheck::test::run_shell;
using snipcheck::test::run_snipcheck;
namespace fs = std::filesystem;

constexpr int k_width = 1280;
constexpr int k_height = 2000;
// Chromium takes a few seconds to start on a busy machine; past this it is
// killed with every process it started (timeout signals its process group).
constexpr const char* k_browser_limit = "timeout -k 10 120 ";

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

// Reads a PNG as the standard defines it: signature, chunk CRCs, IHDR, the
// inflated IDAT exactly as long as the image needs; then unfilters the top
// rows (where the header and the totals bar are) and counts their colours
// and the pixels of each status colour. Prints JSON.
constexpr const char* k_png_check = R"py(
import json, struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG signature'
pos, idat, ihdr = 8, [], None
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    crc, = struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])
    assert zlib.crc32(kind + body) == crc, 'bad CRC in chunk %r' % kind
    if kind == b'IHDR':
        ihdr = body
    elif kind == b'IDAT':
        idat.append(body)
    elif kind == b'IEND':
        break
    pos += 12 + length
assert ihdr is not None, 'no IHDR'
width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', ihdr)
assert depth == 8 and colour in (2, 6) and interlace == 0, ('unexpected PNG kind', depth, colour, interlace)
channels = 3 if colour == 2 else 4
stride = width * channels
raw = zlib.decompress(b''.join(idat))
assert len(raw) == height * (stride + 1), ('IDAT length', len(raw), height * (stride + 1))
low = int.from_bytes(b'\x7f' * stride, 'big')
high = int.from_bytes(b'\x80' * stride, 'big')
statuses = {'pass': (0x1a, 0x7f, 0x37), 'fail': (0xcf, 0x22, 0x2e), 'error': (0x82, 0x50, 0xdf),
            'timeout': (0xbc, 0x4c, 0x00), 'skip': (0x6e, 0x77, 0x81)}
colours, status_pixels = {}, dict.fromkeys(statuses, 0)
prev, at = bytearray(stride), 0
for y in range(min(height, int(sys.argv[2]))):
    kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
    at += stride + 1
    if kind == 1:
        for i in range(channels, stride):
            line[i] = (line[i] + line[i - channels]) & 255
    elif kind == 2:
        x, z = int.from_bytes(line, 'big'), int.from_bytes(prev, 'big')
        line = bytearray((((x & low) + (z & low)) ^ ((x ^ z) & high)).to_bytes(stride, 'big'))
    elif kind in (3, 4):
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            if kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            else:
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    else:
        assert kind == 0, 'unknown filter %d' % kind
    prev = line
    for x in range(0, stride, channels):
        pixel = bytes(line[x:x + 3])
        colours[pixel] = colours.get(pixel, 0) + 1
for pixel, n in colours.items():
    for name, rgb in statuses.items():
        if all(abs(pixel[k] - rgb[k]) <= 3 for k in range(3)):
            status_pixels[name] += n
print(json.dumps({'width': width, 'height': height, 'colours': len(colours),
                  'dominant': max(colours.values()) / sum(colours.values()), 'status_pixels': status_pixels}))
)py";

std::string browser(const TempFolder& folder) {
    return std::string(k_browser_limit) + "chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
                                          "--no-first-run --user-data-dir='" + folder.file("profile") + "' ";
}

}  // namespace

TEST_CASE("the HTML report renders in a real browser with the run's totals", "[e2e][html][browser]") {
    if (run_shell("command -v chromium >/dev/null 2>&1").status != 0) {
        FAIL("chromium is not installed: run scripts/install-deps (it installs Debian's chromium)");
    }
    TempFolder folder;
    const std::string html = folder.file("report.html");
    const auto run = run_snipcheck("run tests/data/e2e/report_page.md --format json=" + folder.file("report.json") +
                                   ",html=" + html);
    REQUIRE(run.status == 1);
    const json summary = json::parse(content_of(folder.file("report.json")))["summary"];
    REQUIRE(summary["total"] == 5);

    // The screenshot: a real PNG of the size asked, not one flat colour.
    const std::string screenshot = folder.file("screenshot.png");
    const auto shot = run_shell(browser(folder) + "--screenshot='" + screenshot + "' --window-size=" +
                                std::to_string(k_width) + "," + std::to_string(k_height) + " 'file://" + html +
                                "' >'" + folder.file("screenshot.log") + "' 2>&1");
    INFO("chromium --screenshot: " << content_of(folder.file("screenshot.log")));
    REQUIRE(shot.status != 124);  // timeout's status: chromium did not finish in time
    REQUIRE(shot.status == 0);
    REQUIRE(fs::exists(screenshot));
    std::ofstream(folder.file("png_check.py")) << k_png_check;
    const auto png = run_shell("/usr/bin/python3 '" + folder.file("png_check.py") + "' '" + screenshot + "' 400 2>&1");
    INFO("PNG check: " << png.out);
    REQUIRE(png.status == 0);
    const json picture = json::parse(png.out);
    CHECK(picture["width"] == k_width);
    CHECK(picture["height"] == k_height);
    CHECK(picture["colours"].get<int>() >= 20);       // text, badges, the bar: not a blank page
    CHECK(picture["dominant"].get<double>() < 0.95);  // no single colour covers the header
    // The totals bar is painted in the status colours of the run: a status
    // with a count has its part of the bar (a fifth of it is about 4,000
    // pixels), one without only its legend dots (under 200).
    for (const char* status : {"pass", "fail", "error", "skip"}) {
        INFO(status);
        CHECK(picture["status_pixels"][status].get<int>() >= 2000);
    }
    CHECK(picture["status_pixels"]["timeout"].get<int>() < 1000);

    // The page as the browser holds it after its script ran.
    const auto dom = run_shell(browser(folder) + "--dump-dom 'file://" + html + "' 2>'" + folder.file("dom.log") + "'");
    INFO("chromium --dump-dom: " << content_of(folder.file("dom.log")));
    REQUIRE(dom.status == 0);
    const std::string& page = dom.out;
    CHECK(page.find("data-script=\"ran\"") != std::string::npos);
    CHECK(page.find("data-css=\"loaded\"") != std::string::npos);
    CHECK(page.find("<nav id=\"filters\">") != std::string::npos);  // the script showed the filters
    for (const char* status : {"pass", "fail", "error", "timeout", "skip"}) {
        INFO(status);
        const std::string count = std::to_string(summary[status].get<int>());
        // Counted by the script from the snippets on the page, and written by snipcheck.
        CHECK(page.find(std::string("data-count-of=\"") + status + "\">" + count + "</span>") != std::string::npos);
        CHECK(page.find(std::string("id=\"total-") + status + "\">" + count + "</span>") != std::string::npos);
    }
    CHECK(page.find("id=\"shown\">showing 5 of 5 snippets</span>") != std::string::npos);
    // The hostile snippet is text: no element came from it, its script did not run.
    CHECK(count_of(page, "<script") == 1);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("<title>snipcheck: 1 pass, 2 fail, 1 error, 1 skip</title>") != std::string::npos);
    CHECK(page.find("&lt;/script&gt;&lt;script&gt;document.title = 'owned'&lt;/script&gt;&lt;img src=x") !=
          std::string::npos);
}
