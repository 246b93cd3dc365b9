#include "audit_log.h"

#include "database.h"
#include "model/core/clock.h"
#include "model/core/error.h"

#include <openssl/evp.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace strawman::model {

std::string currentUser() {
    for (const char* var : {"USER", "LOGNAME"})
        if (const char* v = std::getenv(var); v && *v) return v;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
    return "unknown";
}

AuditLog::AuditLog(Database& db) : m_db(db), m_actor(currentUser()) {}

std::string AuditLog::hashOf(const AuditEntry& e) {
    const std::string text = e.before + "\n" + std::to_string(e.id) + "\n" + e.at + "\n" + e.actor +
                             "\n" + e.action + "\n" + e.detail + "\n";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw Error("SHA-256 failed");
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", digest[i]);
        hex += two;
    }
    return hex;
}

void AuditLog::append(std::string_view action, const std::string& detail) {
    AuditEntry e;
    auto last = m_db.prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    if (last.step()) {
        e.id = last.integer(0) + 1;
        e.before = last.text(1);
    } else {
        e.id = 1;
    }
    e.at = nowUtc();
    e.actor = m_actor;
    e.action = std::string(action);
    e.detail = detail;
    e.hash = hashOf(e);
    m_db.prepare("INSERT INTO audit(id, at, actor, action, detail, previous, hash) "
                 "VALUES(:id, :at, :actor, :action, :detail, :previous, :hash)")
        .bind(":id", e.id)
        .bind(":at", e.at)
        .bind(":actor", e.actor)
        .bind(":action", e.action)
        .bind(":detail", e.detail)
        .bind(":previous", e.before)
        .bind(":hash", e.hash)
        .run();
}

std::vector<AuditEntry> AuditLog::entries() const {
    std::vector<AuditEntry> out;
    auto s =
        m_db.prepare("SELECT id, at, actor, action, detail, previous, hash FROM audit ORDER BY id");
    while (s.step())
        out.push_back(
            {s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
    return out;
}

AuditCheck AuditLog::verify(const std::optional<std::string>& head) const {
    AuditCheck check;
    check.headFound = !head || head->empty();
    std::string before;
    std::int64_t expectedId = 1;
    for (const AuditEntry& e : entries()) {
        ++check.entries;
        if (!check.firstBad) {
            if (e.id != expectedId)
                check.problem = "entry " + std::to_string(expectedId) + " is missing";
            else if (e.before != before)
                check.problem = "it does not hold the hash of the entry before it";
            else if (hashOf(e) != e.hash)
                check.problem = "its contents do not match its hash";
            if (!check.problem.empty()) check.firstBad = e.id;
        }
        if (head && e.hash == *head) check.headFound = true;
        before = e.hash;
        expectedId = e.id + 1;
        check.head = e.hash;
    }
    return check;
}

} // namespace strawman::model
