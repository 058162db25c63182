// Languages: the embedded Simplified Chinese catalogue loads and translates, the checked-in
// .ts has a translation for every message, the CJK font covers every character it uses,
// lesson headers and the main window follow the language, --lang is parsed.
#include <QAction>
#include <QFile>
#include <QFontMetrics>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

#include "ui/app/language.h"
#include "ui/app/main_window.h"
#include "ui/app/preferences.h"
#include "ui/model/display_names.h"
#include "ui/model/lesson_header.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"
#include "ui/views/lesson_browser.h"
#include "ui/views/lesson_view.h"

using namespace taskscope;
using namespace taskscope::ui;

namespace {
const QString kTs =
    QStringLiteral(TASKSCOPE_SOURCE_DIR "/resources/translations/taskscope_zh_CN.ts");

// Every <translation> of the .ts with its source, numerus forms joined.
struct Entry {
    QString context, source, translation;
    bool unfinished = false;
};
std::vector<Entry> readTs() {
    std::vector<Entry> out;
    QFile f(kTs);
    if (!f.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader xml(&f);
    QString context;
    Entry e;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            e = Entry{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            e.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            e.unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            e.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            out.push_back(e);
        }
    }
    if (xml.hasError()) out.clear();
    return out;
}
}  // namespace

class I18nTest : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { applyLanguage(Language::English); }

    void parsesLanguageCodes() {
        QCOMPARE(parseLanguage(QStringLiteral("zh_CN")),
                 std::optional<Language>(Language::Chinese));
        QCOMPARE(parseLanguage(QStringLiteral("zh-CN")),
                 std::optional<Language>(Language::Chinese));
        QCOMPARE(parseLanguage(QStringLiteral("en")), std::optional<Language>(Language::English));
        QCOMPARE(parseLanguage(QStringLiteral("system")),
                 std::optional<Language>(Language::System));
        QVERIFY(!parseLanguage(QStringLiteral("klingon")));
        for (Language l : {Language::System, Language::English, Language::Chinese})
            QCOMPARE(parseLanguage(languageCode(l)), std::optional<Language>(l));
    }

    void catalogueTranslatesKnownStrings() {
        QVERIFY(QFile::exists(chineseCatalogue()));
        QVERIFY(applyLanguage(Language::Chinese));
        QCOMPARE(currentLanguage(), Language::Chinese);
        QCOMPARE(stateName(core::ThreadState::Ready), QStringLiteral(u"就绪"));
        QCOMPARE(stateName(core::ThreadState::New), QStringLiteral(u"新建"));
        QCOMPARE(stateName(core::ThreadState::Running), QStringLiteral(u"运行"));
        QCOMPARE(stateName(core::ThreadState::Terminated), QStringLiteral(u"终止"));
        QVERIFY(stateName(core::ThreadState::Waiting).startsWith(QStringLiteral(u"等待")));
        QCOMPARE(QCoreApplication::translate("taskscope::ui::MainWindow", "&File"),
                 QStringLiteral(u"文件(&F)"));
        QCOMPARE(
            QCoreApplication::translate("taskscope::ui::MainWindow", "%1: %2 on %n core(s)", "", 2),
            QStringLiteral(u"%1:%2,2 个核心"));
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        // Back to English: the source strings again.
        QVERIFY(applyLanguage(Language::English));
        QCOMPARE(stateName(core::ThreadState::Ready), QStringLiteral("Ready"));
    }

    void everyMessageIsTranslated() {
        const auto entries = readTs();
        QVERIFY2(entries.size() > 250, qPrintable(QString::number(entries.size())));
        for (const Entry& e : entries) {
            const QString where = e.context + QStringLiteral(": ") + e.source;
            QVERIFY2(!e.unfinished, qPrintable(QStringLiteral("unfinished: ") + where));
            QVERIFY2(!e.translation.isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
            // The same %n placeholders on both sides (a dropped %2 loses an argument).
            for (int n = 1; n <= 9; ++n) {
                const QString ph = QStringLiteral("%") + QString::number(n);
                QVERIFY2(e.source.contains(ph) == e.translation.contains(ph),
                         qPrintable(QStringLiteral("placeholder ") + ph + QStringLiteral(" in ") +
                                    where));
            }
            QVERIFY2(e.source.contains(QLatin1String("%n")) ==
                         e.translation.contains(QLatin1String("%n")),
                     qPrintable(QStringLiteral("%n in ") + where));
        }
    }

    void cjkFontCoversEveryCharacter() {
        const QStringList families = cjkFontFamilies();
        QVERIFY2(!families.isEmpty(), "no CJK font installed (package fonts-noto-cjk)");
        QFont font(families.front());
        font.setStyleStrategy(QFont::NoFontMerging);  // this font alone, no fallback
        const QFontMetrics fm(font);
        QSet<char32_t> chars;
        for (const Entry& e : readTs())
            for (const char32_t c : e.translation.toUcs4())
                if (c > 0x7f) chars.insert(c);
        QVERIFY(chars.size() > 200);
        QStringList missing;
        for (const char32_t c : chars)
            if (!fm.inFontUcs4(c)) missing << QString::fromUcs4(&c, 1);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(families.front() + QStringLiteral(" lacks: ") + missing.join(' ')));
        // applyLanguage puts it first in the application font.
        applyLanguage(Language::Chinese);
        QCOMPARE(QApplication::font().families().value(0), families.front());
        applyLanguage(Language::English);
        QVERIFY(QApplication::font().families().value(0) != families.front() ||
                QApplication::font().family() == families.front());
    }

    void lessonHeadersInBothLanguages() {
        const LessonHeader py = readLessonHeader(QStringLiteral(":/lessons/003_five_states.py"));
        QVERIFY(py.title.startsWith(QStringLiteral("The five states")));
        QVERIFY(py.titleZh.startsWith(QStringLiteral(u"进程五态")));
        QVERIFY(!py.watchZh.isEmpty());
        QCOMPARE(py.localTitle(true), py.titleZh);
        QCOMPARE(py.localTitle(false), py.title);
        const LessonHeader json = readLessonHeader(QStringLiteral(":/workloads/rr_classroom.json"));
        QVERIFY(!json.title.isEmpty());
        QVERIFY(!json.watch.isEmpty());
        // Workloads carry title_zh / description_zh.
        QVERIFY(!json.titleZh.isEmpty());
        QVERIFY(!json.watchZh.isEmpty());
        LessonHeader none;
        none.title = QStringLiteral("T");
        QCOMPARE(none.localTitle(true), QStringLiteral("T"));  // no Chinese: the English
    }

    // A tooltip built from several pieces: state, wait reason, span, transition cause.
    void timelineTooltipInChinese() {
        QVERIFY(applyLanguage(Language::Chinese));
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(TASKSCOPE_UI_TEST_DATA "/io_two_cores.json"), nullptr));
        TimelineView view(&c, &theme);
        view.resize(view.labelWidth() + 400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setScale(TimeScale{0, 1e5});  // 1 px = 0.1 ms
        const auto& rows = view.rows();
        int aRow = -1;
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].kind == TimelineRow::Kind::Thread && rows[i].index == 0)
                aRow = static_cast<int>(i);
        QVERIFY(aRow > 0);
        const QRect d = view.dataRect();
        // Thread A waits for I/O from 4 ms to 10 ms.
        const QString tip = view.toolTipAt(
            QPoint(d.left() + 60, d.top() + rows[static_cast<std::size_t>(aRow)].y + 5));
        QVERIFY2(tip.contains(QStringLiteral(u"等待(阻塞)(I/O)")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral(u"从 4 ms 起,持续 6 ms")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral(u"原因:阻塞")), qPrintable(tip));
    }

    void mainWindowInChinese() {
        QTemporaryDir dir;
        auto prefs = std::make_shared<Preferences>(dir.filePath(QStringLiteral("t.ini")));
        QVERIFY(applyLanguage(Language::Chinese));
        MainWindow w(prefs);
        w.setQuietErrors(true);
        QStringList menus;
        for (QAction* a : w.menuBar()->actions()) menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral(u"文件(&F)")), qPrintable(menus.join(',')));
        QVERIFY2(menus.contains(QStringLiteral(u"视图(&V)")), qPrintable(menus.join(',')));
        // The lesson browser shows the Chinese titles of workloads and Python lessons, and
        // its groups in Chinese.
        LessonBrowser* lessons = w.showLessonBrowser();
        QVERIFY(lessons);
        bool zhWorkload = false, zhPython = false;
        for (int g = 0; g < lessons->groupTitles().size(); ++g)
            for (const QString& title : lessons->titlesIn(g)) {
                zhPython |= title.startsWith(QStringLiteral(u"进程五态"));
                zhWorkload |= title.contains(QStringLiteral(u"时间片轮转"));
            }
        QVERIFY(zhPython);
        QVERIFY(zhWorkload);
        QVERIFY2(lessons->groupTitles().value(0).startsWith(QStringLiteral(u"种子 000")),
                 qPrintable(lessons->groupTitles().value(0)));
        lessons->reject();
        // The Lesson panel is in Chinese too, opened from a file on disk as from the menu.
        QVERIFY(w.openFile(
            QStringLiteral(TASKSCOPE_SOURCE_DIR "/resources/lessons/003_five_states.py")));
        QVERIFY2(w.lessonView()->titleText().startsWith(QStringLiteral(u"进程五态")),
                 qPrintable(w.lessonView()->titleText()));
        QVERIFY(w.lessonView()->watchText().startsWith(QStringLiteral(u"状态图")));
        QVERIFY(w.lessonView()->expectText().startsWith(QStringLiteral(u"start() 之前")));
        // The language choice is stored, to take effect at the next start.
        auto* zh = w.findChild<QAction*>(QStringLiteral("language_zh_CN"));
        auto* en = w.findChild<QAction*>(QStringLiteral("language_en"));
        QVERIFY(zh && en);
        QCOMPARE(prefs->language(), QStringLiteral("system"));
        en->trigger();
        QCOMPARE(prefs->language(), QStringLiteral("en"));
        QVERIFY(en->isChecked());
    }
};

QTEST_MAIN(I18nTest)
#include "tst_i18n.moc"
