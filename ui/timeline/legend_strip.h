#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

namespace taskscope::ui {

class Theme;

// The colour key under the timeline: the states, the wait reasons (sleep, I/O, lock, queue,
// event, join, GIL, ...), context switches, the lanes drawn in the thread's own colour (core
// and GIL lanes), and the marks on the thread lanes. Entries flow left to right and wrap.
class LegendStrip : public QWidget {
    Q_OBJECT
public:
    struct Entry {
        enum class Look { Swatch, Hatched, Threads, Diamond, Triangle, Square, Cross };
        Look look = Look::Swatch;
        QColor colour;  // Swatch, Hatched; the glyphs' fill
        QString label;
    };

    explicit LegendStrip(Theme* theme, QWidget* parent = nullptr);

    // What it shows, in order, in the theme's current colours.
    const std::vector<Entry>& entries() const { return m_entries; }
    QStringList labels() const;
    // The height the entries need at `width`.
    int heightForWidth(int width) const override;
    bool hasHeightForWidth() const override { return true; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    int layout(int width, std::vector<QPoint>* positions) const;
    int entryWidth(const Entry& e) const;

    Theme* m_theme;
    std::vector<Entry> m_entries;
};

}  // namespace taskscope::ui
