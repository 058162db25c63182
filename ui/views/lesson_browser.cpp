#include "ui/views/lesson_browser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace taskscope::ui {

namespace {
constexpr int kPathRole = Qt::UserRole;
// The order topics are listed in (others follow, by name).
const char* const kTopicOrder[] = {"processes",  "threads",   "gil",           "pool",
                                   "queue",      "locks",     "shared-memory", "deadlock",
                                   "scheduling", "dataloader"};
int topicRank(const QString& topic) {
    for (int i = 0; i < static_cast<int>(std::size(kTopicOrder)); ++i)
        if (topic == QLatin1String(kTopicOrder[i])) return i;
    return static_cast<int>(std::size(kTopicOrder));
}
}  // namespace

std::vector<LessonEntry> builtInLessons() {
    std::vector<LessonEntry> out;
    const QDir lessons(QStringLiteral(":/lessons"));
    for (const QFileInfo& info :
         lessons.entryInfoList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
        out.push_back({info.filePath(), readLessonHeader(info.filePath())});
    const QDir workloads(QStringLiteral(":/workloads"));
    for (const QFileInfo& info : workloads.entryInfoList(
             {QStringLiteral("*.json"), QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
        out.push_back({info.filePath(), readLessonHeader(info.filePath())});
    return out;
}

QString LessonBrowser::seedTitle(const QString& seed) {
    if (seed == QLatin1String("000")) return tr("Seed 000 \u00b7 Processes: Process, Pool, Queue");
    if (seed == QLatin1String("001"))
        return tr("Seed 001 \u00b7 Threads and processes: concurrency, parallelism, the GIL");
    if (seed == QLatin1String("002"))
        return tr("Seed 002 \u00b7 Multiprocessing in practice: Queue, Pool, shared memory, locks");
    if (seed == QLatin1String("003"))
        return tr("Seed 003 \u00b7 Multitasking notes: states, events, locks, deadlock");
    if (seed == QLatin1String("004"))
        return tr("Seed 004 \u00b7 Processes and threads, daemon threads, DataLoader workers");
    if (seed.isEmpty()) return tr("Scheduling and kernel exercises (workloads)");
    return tr("Seed %1").arg(seed);
}

LessonBrowser::LessonBrowser(bool chinese, QWidget* parent)
    : QDialog(parent),
      m_chinese(chinese),
      m_entries(builtInLessons()),
      m_search(new QLineEdit),
      m_groupBox(new QComboBox),
      m_tree(new QTreeWidget),
      m_description(new QTextBrowser) {
    setObjectName(QStringLiteral("lessonBrowser"));
    setWindowTitle(tr("Lessons"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_search->setObjectName(QStringLiteral("lessonSearch"));
    m_search->setPlaceholderText(tr("Search lessons (title, topic, what to watch, file name)"));
    m_search->setClearButtonEnabled(true);
    top->addWidget(m_search, 1);
    top->addWidget(new QLabel(tr("Group by:")));
    m_groupBox->addItem(tr("Seed"));
    m_groupBox->addItem(tr("Topic"));
    top->addWidget(m_groupBox);
    layout->addLayout(top);

    auto* split = new QSplitter;
    m_tree->setObjectName(QStringLiteral("lessonTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->header()->setStretchLastSection(true);
    m_description->setObjectName(QStringLiteral("lessonDescription"));
    m_description->setOpenLinks(false);
    split->addWidget(m_tree);
    split->addWidget(m_description);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    QPushButton* open = buttons->button(QDialogButtonBox::Open);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!selectedPath().isEmpty()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_groupBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setGrouping(i == 1 ? Grouping::Topic : Grouping::Seed); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this, open] {
        open->setEnabled(!selectedPath().isEmpty());
        showDescription();
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item && !item->data(0, kPathRole).toString().isEmpty()) accept();
    });
    resize(1000, 620);
    rebuild();
}

void LessonBrowser::setGrouping(Grouping g) {
    if (g == m_grouping && m_tree->topLevelItemCount() > 0) return;
    m_grouping = g;
    {
        const QSignalBlocker block(m_groupBox);
        m_groupBox->setCurrentIndex(g == Grouping::Topic ? 1 : 0);
    }
    const QString keep = selectedPath();
    rebuild();
    if (!keep.isEmpty()) select(keep);
}

void LessonBrowser::rebuild() {
    m_tree->clear();
    // Group key -> (sort key, title).
    std::map<std::pair<int, QString>, QTreeWidgetItem*> groups;
    for (const LessonEntry& e : m_entries) {
        std::pair<int, QString> key;
        QString title;
        if (m_grouping == Grouping::Seed) {
            // Workloads (no seed) after the seeds.
            key = {e.header.seed.isEmpty() ? 1 : 0, e.header.seed};
            title = seedTitle(e.header.seed);
        } else {
            key = {topicRank(e.header.topic), e.header.topic};
            title = e.header.topic.isEmpty() ? tr("Other") : lessonTopicName(e.header.topic);
        }
        QTreeWidgetItem*& group = groups[key];
        if (!group) {
            group = new QTreeWidgetItem(QStringList{title});
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto* item = new QTreeWidgetItem(group, QStringList{e.header.localTitle(m_chinese)});
        item->setData(0, kPathRole, e.path);
        item->setToolTip(0, QFileInfo(e.path).fileName());
    }
    for (auto& [key, group] : groups) m_tree->addTopLevelItem(group);
    m_tree->expandAll();
    applyFilter();
}

void LessonBrowser::setFilter(const QString& text) {
    m_search->setText(text);  // applyFilter() follows
    applyFilter();
}

void LessonBrowser::applyFilter() {
    const QString needle = m_search->text().trimmed();
    QTreeWidgetItem* firstShown = nullptr;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const QString path = item->data(0, kPathRole).toString();
            bool match = needle.isEmpty();
            for (const LessonEntry& e : m_entries) {
                if (e.path != path || match) continue;
                const LessonHeader& h = e.header;
                for (const QString& s :
                     {h.title, h.titleZh, h.watch, h.watchZh, h.expect, h.expectZh, h.topic,
                      lessonTopicName(h.topic), QFileInfo(path).fileName(), group->text(0)})
                    match = match || s.contains(needle, Qt::CaseInsensitive);
            }
            item->setHidden(!match);
            if (match) {
                ++shown;
                if (!firstShown) firstShown = item;
            }
        }
        group->setHidden(shown == 0);
    }
    QTreeWidgetItem* current = m_tree->currentItem();
    if (!current || current->isHidden() || current->data(0, kPathRole).toString().isEmpty() ||
        (current->parent() && current->parent()->isHidden()))
        m_tree->setCurrentItem(firstShown);
    showDescription();
}

void LessonBrowser::select(const QString& path) {
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kPathRole).toString() == path &&
                !group->child(i)->isHidden()) {
                m_tree->setCurrentItem(group->child(i));
                m_tree->scrollToItem(group->child(i));
                return;
            }
    }
}

QString LessonBrowser::selectedPath() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item && !item->isHidden() ? item->data(0, kPathRole).toString() : QString();
}

QStringList LessonBrowser::groupTitles() const {
    QStringList out;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        if (!m_tree->topLevelItem(g)->isHidden()) out << m_tree->topLevelItem(g)->text(0);
    return out;
}

QStringList LessonBrowser::titlesIn(int group) const {
    QStringList out;
    int shownGroup = -1;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* item = m_tree->topLevelItem(g);
        if (item->isHidden() || ++shownGroup != group) continue;
        for (int i = 0; i < item->childCount(); ++i)
            if (!item->child(i)->isHidden()) out << item->child(i)->text(0);
    }
    return out;
}

int LessonBrowser::visibleLessons() const {
    int n = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) n += titlesIn(g).size();
    return n;
}

QString LessonBrowser::descriptionText() const {
    return m_description->toPlainText();
}

void LessonBrowser::showDescription() {
    const QString path = selectedPath();
    const LessonEntry* entry = nullptr;
    for (const LessonEntry& e : m_entries)
        if (e.path == path) entry = &e;
    if (!entry) {
        m_description->setHtml(tr("<p>No lesson matches the search.</p>"));
        return;
    }
    const LessonHeader& h = entry->header;
    QString html = QStringLiteral("<h3>%1</h3>").arg(h.localTitle(m_chinese).toHtmlEscaped());
    QStringList tags;
    if (!h.seed.isEmpty()) tags << tr("seed %1").arg(h.seed);
    if (!h.topic.isEmpty()) tags << lessonTopicName(h.topic);
    tags << QFileInfo(path).fileName();
    html += QStringLiteral("<p style='color:gray'>%1</p>")
                .arg(tags.join(QStringLiteral(" \u00b7 ")).toHtmlEscaped());
    if (!h.localWatch(m_chinese).isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(h.workload ? tr("What it shows") : tr("What to watch"),
                         h.localWatch(m_chinese).toHtmlEscaped());
    if (!h.localExpect(m_chinese).isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("What to expect"), h.localExpect(m_chinese).toHtmlEscaped());
    m_description->setHtml(html);
}

}  // namespace taskscope::ui
