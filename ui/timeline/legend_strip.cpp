#include "ui/timeline/legend_strip.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

#include "ui/model/display_names.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

using core::ThreadState;
using core::WaitReason;
using Look = LegendStrip::Entry::Look;

namespace {
constexpr int kSwatch = 12;
constexpr int kGap = 16;
constexpr int kMargin = 6;
}  // namespace

LegendStrip::LegendStrip(Theme* theme, QWidget* parent) : QWidget(parent), m_theme(theme) {
    setObjectName(QStringLiteral("legendStrip"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(theme, &Theme::changed, this, [this] {
        rebuild();
        update();
    });
    rebuild();
}

void LegendStrip::rebuild() {
    m_entries.clear();
    const Theme& t = *m_theme;
    for (const ThreadState s : {ThreadState::New, ThreadState::Ready, ThreadState::Running})
        m_entries.push_back({Look::Swatch, t.stateColour(s, WaitReason::None), stateName(s)});
    // Waiting, by reason; reasons that share a colour share an entry ("lock, queue, event").
    const WaitReason reasons[] = {WaitReason::Sleep, WaitReason::Io,    WaitReason::Lock,
                                  WaitReason::Queue, WaitReason::Event, WaitReason::Condition,
                                  WaitReason::Join,  WaitReason::Gil};
    std::vector<std::pair<QRgb, QStringList>> waits;
    for (const WaitReason r : reasons) {
        const QRgb rgb = t.stateColour(ThreadState::Waiting, r).rgb();
        auto it =
            std::find_if(waits.begin(), waits.end(), [&](const auto& w) { return w.first == rgb; });
        if (it == waits.end())
            waits.push_back({rgb, QStringList{reasonName(r)}});
        else
            it->second << reasonName(r);
    }
    for (const auto& [rgb, names] : waits)
        m_entries.push_back(
            {Look::Swatch, QColor::fromRgb(rgb),
             tr("%1: %2").arg(stateName(ThreadState::Waiting), names.join(QStringLiteral(", ")))});
    m_entries.push_back({Look::Swatch, t.stateColour(ThreadState::Terminated, WaitReason::None),
                         stateName(ThreadState::Terminated)});
    m_entries.push_back({Look::Hatched, t.switchColour(), tr("context switch")});
    m_entries.push_back({Look::Threads, QColor(),
                         tr("CPU and GIL lanes: the thread's own colour (GIL lane empty: free)")});
    m_entries.push_back({Look::Diamond, t.marker(), tr("marker (taskscope.mark)")});
    m_entries.push_back({Look::Triangle, t.text(), tr("lock acquired / released")});
    m_entries.push_back({Look::Square, t.text(), tr("queue put / get")});
    const QColor alert = t.colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    m_entries.push_back({Look::Cross, alert, tr("deadlock, lost update")});
    updateGeometry();
}

QStringList LegendStrip::labels() const {
    QStringList out;
    for (const Entry& e : m_entries) out << e.label;
    return out;
}

int LegendStrip::entryWidth(const Entry& e) const {
    const int glyph = e.look == Look::Threads                              ? 3 * kSwatch
                      : e.look == Look::Triangle || e.look == Look::Square ? 2 * kSwatch + 3
                                                                           : kSwatch;
    return glyph + 5 + fontMetrics().horizontalAdvance(e.label);
}

int LegendStrip::layout(int width, std::vector<QPoint>* positions) const {
    const int line = std::max(fontMetrics().height(), kSwatch) + 4;
    int x = kMargin;
    int y = 3;
    for (const Entry& e : m_entries) {
        const int w = entryWidth(e);
        if (x > kMargin && x + w > width - kMargin) {
            x = kMargin;
            y += line;
        }
        if (positions) positions->push_back(QPoint(x, y));
        x += w + kGap;
    }
    return y + line + 3;
}

int LegendStrip::heightForWidth(int width) const {
    return layout(width, nullptr);
}

QSize LegendStrip::sizeHint() const {
    return {600, heightForWidth(std::max(200, width()))};
}

QSize LegendStrip::minimumSizeHint() const {
    return {100, heightForWidth(std::max(200, width()))};
}

void LegendStrip::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
}

void LegendStrip::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Wrapping depends on the width: ask for the height it needs now.
    if (heightForWidth(width()) != height()) setFixedHeight(heightForWidth(width()));
}

void LegendStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Theme& t = *m_theme;
    p.fillRect(rect(), t.background());
    p.setPen(t.grid());
    p.drawLine(0, 0, width(), 0);
    std::vector<QPoint> at;
    layout(width(), &at);
    const QFontMetrics fm = fontMetrics();
    const int line = std::max(fm.height(), kSwatch) + 4;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        const QPoint pos = at[i];
        const int cy = pos.y() + line / 2;
        const QRectF sw(pos.x(), cy - kSwatch / 2.0, kSwatch, kSwatch);
        int textX = pos.x() + kSwatch + 5;
        p.setPen(Qt::NoPen);
        switch (e.look) {
            case Look::Swatch:
                p.setBrush(e.colour);
                p.setPen(QPen(t.grid(), 1));
                p.drawRect(sw);
                break;
            case Look::Hatched:
                p.setBrush(t.background());
                p.drawRect(sw);
                p.setBrush(QBrush(e.colour, Qt::BDiagPattern));
                p.setPen(QPen(t.grid(), 1));
                p.drawRect(sw);
                break;
            case Look::Threads:
                for (int k = 0; k < 3; ++k) {
                    p.setBrush(t.threadColour(static_cast<std::uint32_t>(k)));
                    p.drawRect(QRectF(pos.x() + k * kSwatch, sw.top(), kSwatch, kSwatch));
                }
                textX = pos.x() + 3 * kSwatch + 5;
                break;
            case Look::Diamond: {
                const double h = kSwatch / 2.0;
                const QPointF c(sw.center());
                const QPointF d[4] = {{c.x(), c.y() - h},
                                      {c.x() + h / 2 + 1, c.y()},
                                      {c.x(), c.y() + h},
                                      {c.x() - h / 2 - 1, c.y()}};
                p.setBrush(e.colour);
                p.drawPolygon(d, 4);
                break;
            }
            case Look::Triangle:
            case Look::Square:
                for (int k = 0; k < 2; ++k) {
                    const double x = pos.x() + k * (kSwatch + 3);
                    p.setPen(QPen(t.text(), 1.2));
                    p.setBrush(k == 0 ? QBrush(t.text()) : QBrush(t.background()));
                    if (e.look == Look::Triangle) {
                        const QPointF tri[3] = {{x, sw.top() + 1},
                                                {x + kSwatch, sw.top() + 1},
                                                {x + kSwatch / 2.0, sw.bottom() - 1}};
                        p.drawPolygon(tri, 3);
                    } else {
                        p.drawRect(QRectF(x + 1, sw.top() + 1, kSwatch - 2, kSwatch - 2));
                    }
                }
                textX = pos.x() + 2 * kSwatch + 3 + 5;
                break;
            case Look::Cross:
                p.setPen(QPen(e.colour, 2.5));
                p.drawLine(sw.topLeft() + QPointF(1, 1), sw.bottomRight() - QPointF(1, 1));
                p.drawLine(sw.topRight() + QPointF(-1, 1), sw.bottomLeft() + QPointF(1, -1));
                break;
        }
        p.setPen(t.text());
        p.drawText(QRect(textX, pos.y(), fm.horizontalAdvance(e.label) + 2, line),
                   Qt::AlignLeft | Qt::AlignVCenter, e.label);
    }
}

}  // namespace taskscope::ui
