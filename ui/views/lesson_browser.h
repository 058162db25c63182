#pragma once

#include <QDialog>
#include <QString>

#include <vector>

#include "ui/model/lesson_header.h"

class QComboBox;
class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace taskscope::ui {

// One built-in lesson: a Python program (:/lessons) or a workload (:/workloads).
struct LessonEntry {
    QString path;  // the resource path, e.g. ":/lessons/001_gil_two_cpu_threads.py"
    LessonHeader header;
};

// Every built-in lesson, Python programs first (by file name, i.e. by seed), then workloads.
std::vector<LessonEntry> builtInLessons();

// The lesson browser: a searchable list of the built-in lessons grouped by seed or by topic,
// the selected lesson's title, what to watch and what to expect beside it, in the interface
// language. Open (or a double click) accepts with selectedPath().
class LessonBrowser : public QDialog {
    Q_OBJECT
public:
    enum class Grouping { Seed, Topic };

    LessonBrowser(bool chinese, QWidget* parent = nullptr);

    const std::vector<LessonEntry>& entries() const { return m_entries; }
    void setGrouping(Grouping g);
    Grouping grouping() const { return m_grouping; }
    // Shows only the lessons whose title, texts, topic or file name contain `text`.
    void setFilter(const QString& text);
    // Selects the lesson at `path` (when it is listed and shown).
    void select(const QString& path);
    QString selectedPath() const;
    // The group titles shown, in order, and the lesson titles under each (tests).
    QStringList groupTitles() const;
    QStringList titlesIn(int group) const;
    int visibleLessons() const;
    QString descriptionText() const;
    QTreeWidget* tree() const { return m_tree; }
    QLineEdit* searchBox() const { return m_search; }

    // A seed's group title ("Seed 001 · Threads and processes, ...") and a topic's.
    static QString seedTitle(const QString& seed);

private:
    void rebuild();
    void applyFilter();
    void showDescription();

    bool m_chinese;
    std::vector<LessonEntry> m_entries;
    Grouping m_grouping = Grouping::Seed;
    QLineEdit* m_search;
    QComboBox* m_groupBox;
    QTreeWidget* m_tree;
    QTextBrowser* m_description;
};

}  // namespace taskscope::ui
