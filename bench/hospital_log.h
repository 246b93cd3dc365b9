// A generated XES log shaped like the public BPIC 2011 hospital log (a Dutch
// academic hospital's gynaecology patients): 1,143 traces of 131 events on
// average (150 k events), 624 activity names, each trace with dozens of
// string/int/date attributes (diagnosis, treatment and specialism codes, age,
// dates, repeated with :1, :2, ... suffixes) and each event with six
// (org:group, Number of executions, concept:name, Activity code,
// time:timestamp, lifecycle:transition), unindented, so that the XML is about
// 300 bytes an event as there. Dates are at day resolution with the Dutch
// offset, as there. Seeded: the same
// bytes on every run, so readers and imports compare across runs.
#pragma once

#include "bench_random.h"

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace strawman::bench {

struct HospitalLogSize {
    std::int64_t xmlBytes = 0;
    std::int64_t events = 0;
};

// Writes the log to path, gzip-compressed (level 6) when gzip is set.
inline HospitalLogSize writeHospitalLog(const std::string& path, bool gzip, int traces = 1143,
                                        int activities = 624, std::int64_t events = 150'291) {
    Random random;
    static constexpr const char* kGroups[] = {"General Lab Clinical Chemistry",
                                              "Radiology",
                                              "Nursing ward",
                                              "Obstetrics &amp; Gynaecology clinic",
                                              "Pathology",
                                              "Internal Specialism",
                                              "Medical Microbiology",
                                              "Radiotherapy"};
    static constexpr const char* kWords[] = {
        "consult",     "poliklinisch",   "bepaling",  "ligdag",          "echo",         "kosten",
        "telefonisch", "administratief", "tarief",    "onderzoek",       "histologisch", "ct",
        "mri",         "bloedkweek",     "cytologie", "verlosk.-gynaec."};
    std::vector<std::string> names;
    for (int a = 0; a < activities; ++a) {
        std::string name = kWords[random.below(16)];
        for (int w = 0, n = 1 + static_cast<int>(random.below(4)); w < n; ++w)
            (name += ' ') += kWords[random.below(16)];
        names.push_back(name + " " + std::to_string(a)); // 624 distinct names
    }

    std::string text;
    text.reserve(1 << 20);
    HospitalLogSize size;
    std::FILE* plain = nullptr;
    gzFile compressed = nullptr;
    if (gzip)
        compressed = gzopen(path.c_str(), "wb6");
    else
        plain = std::fopen(path.c_str(), "wb");
    if (plain == nullptr && compressed == nullptr) throw std::runtime_error("cannot write " + path);
    auto flush = [&] {
        size.xmlBytes += static_cast<std::int64_t>(text.size());
        if (compressed)
            gzwrite(compressed, text.data(), static_cast<unsigned>(text.size()));
        else
            std::fwrite(text.data(), 1, text.size(), plain);
        text.clear();
    };
    char line[256];
    auto put = [&](const char* format, auto... values) {
        const int n = std::snprintf(line, sizeof line, format, values...);
        text.append(line, static_cast<std::size_t>(n));
    };

    text += "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
            "<log xes.version=\"1.0\" xes.features=\"nested-attributes\" "
            "openxes.version=\"1.0RC7\" xmlns=\"http://www.xes-standard.org/\">\n"
            "\t<extension name=\"Lifecycle\" prefix=\"lifecycle\" "
            "uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n"
            "\t<extension name=\"Organizational\" prefix=\"org\" "
            "uri=\"http://www.xes-standard.org/org.xesext\"/>\n"
            "\t<extension name=\"Time\" prefix=\"time\" "
            "uri=\"http://www.xes-standard.org/time.xesext\"/>\n"
            "\t<extension name=\"Concept\" prefix=\"concept\" "
            "uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
            "\t<global scope=\"trace\">\n\t\t<string key=\"concept:name\" value=\"__INVALID__\"/>\n"
            "\t</global>\n"
            "\t<global scope=\"event\">\n\t\t<string key=\"concept:name\" value=\"__INVALID__\"/>\n"
            "\t\t<string key=\"lifecycle:transition\" value=\"complete\"/>\n\t</global>\n"
            "\t<classifier name=\"Activity\" keys=\"concept:name\"/>\n"
            "\t<classifier name=\"activity classifier\" keys=\"Activity code\"/>\n"
            "\t<string key=\"concept:name\" value=\"Hospital log\"/>\n";
    std::int64_t left = events;
    for (int t = 0; t < traces; ++t) {
        // Every trace gets its share and a spread around it; the last takes the rest.
        const std::int64_t share = left / (traces - t);
        std::int64_t count = t + 1 == traces ? left : 1 + share / 2 + random.below(share + 1);
        if (count > left - (traces - t - 1)) count = left - (traces - t - 1);
        left -= count;
        put("\t<trace>\n\t\t<string key=\"concept:name\" value=\"%08d\"/>\n", t);
        const int diagnoses = 1 + static_cast<int>(random.below(10));
        for (int d = 0; d <= diagnoses; ++d) {
            char suffix[8] = "";
            if (d > 0) std::snprintf(suffix, sizeof suffix, ":%d", d);
            put("\t\t<string key=\"Diagnosis code%s\" value=\"M%lld\"/>\n", suffix,
                static_cast<long long>(10 + random.below(90)));
            put("\t\t<string key=\"Treatment code%s\" value=\"%lld\"/>\n", suffix,
                static_cast<long long>(100 + random.below(900)));
            put("\t\t<string key=\"Diagnosis%s\" value=\"maligne neoplasma %s\"/>\n", suffix,
                kWords[random.below(16)]);
            put("\t\t<string key=\"Specialism code%s\" value=\"%lld\"/>\n", suffix,
                static_cast<long long>(random.below(100)));
            put("\t\t<int key=\"Diagnosis Treatment Combination ID%s\" value=\"%lld\"/>\n", suffix,
                static_cast<long long>(random.below(1'000'000)));
            put("\t\t<date key=\"Start date%s\" value=\"2005-%02d-%02dT00:00:00.000+01:00\"/>\n",
                suffix, static_cast<int>(1 + random.below(12)),
                static_cast<int>(1 + random.below(28)));
        }
        put("\t\t<int key=\"Age\" value=\"%lld\"/>\n",
            static_cast<long long>(18 + random.below(70)));
        int day = static_cast<int>(random.below(365));
        for (std::int64_t e = 0; e < count; ++e) {
            if (random.chance(30)) day += 1 + static_cast<int>(random.below(5));
            const int year = 2005 + day / 365 % 3, month = 1 + day % 365 / 31,
                      dayOfMonth = 1 + day % 365 % 31 % 28;
            const int offset = month >= 4 && month <= 10 ? 2 : 1;
            const auto activity = random.below(activities);
            put("<event>\n<string key=\"org:group\" value=\"%s\"/>\n", kGroups[activity % 8]);
            put("<int key=\"Number of executions\" value=\"%lld\"/>\n",
                static_cast<long long>(1 + random.below(3)));
            put("<string key=\"concept:name\" value=\"%s\"/>\n",
                names[static_cast<std::size_t>(activity)].c_str());
            put("<string key=\"Activity code\" value=\"%lld\"/>\n",
                static_cast<long long>(370000 + activity));
            put("<date key=\"time:timestamp\" value=\"%d-%02d-%02dT00:00:00.000+%02d:00\"/>\n",
                year, month, dayOfMonth, offset);
            text += "<string key=\"lifecycle:transition\" value=\"complete\"/>\n</event>\n";
            if (text.size() > (1 << 20) - 4096) flush();
        }
        text += "\t</trace>\n";
        size.events += count;
    }
    text += "</log>\n";
    flush();
    if (compressed ? gzclose(compressed) != Z_OK : std::fclose(plain) != 0)
        throw std::runtime_error("cannot write " + path);
    return size;
}

} // namespace strawman::bench
