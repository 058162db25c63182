#include "ui/views/sync_objects_view.h"

#include <QPainter>

#include <algorithm>

#include "core/analysis/labels.h"
#include "core/sync/kernel_object.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

using core::ObjectKind;

class SyncObjectsCanvas : public QWidget {
public:
    explicit SyncObjectsCanvas(SyncObjectsView* view) : m_view(view) {}

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        m_view->paintCards(p, width());
    }

private:
    SyncObjectsView* m_view;
};

namespace {
constexpr int kMaxBoxes = 24;  // a queue longer than this is drawn as a bar

QString kindName(ObjectKind k) {
    switch (k) {
        case ObjectKind::Lock:
            return SyncObjectsView::tr("Lock");
        case ObjectKind::RLock:
            return SyncObjectsView::tr("RLock");
        case ObjectKind::Semaphore:
            return SyncObjectsView::tr("Semaphore");
        case ObjectKind::BoundedSemaphore:
            return SyncObjectsView::tr("BoundedSemaphore");
        case ObjectKind::Event:
            return SyncObjectsView::tr("Event");
        case ObjectKind::Condition:
            return SyncObjectsView::tr("Condition");
        case ObjectKind::Barrier:
            return SyncObjectsView::tr("Barrier");
        case ObjectKind::Queue:
            return SyncObjectsView::tr("Queue");
        case ObjectKind::Join:
            return SyncObjectsView::tr("Join");
        case ObjectKind::Value:
            return SyncObjectsView::tr("Value");
    }
    return {};
}
}  // namespace

SyncObjectsView::SyncObjectsView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QScrollArea(parent),
      m_controller(controller),
      m_theme(theme),
      m_canvas(new SyncObjectsCanvas(this)) {
    setObjectName(QStringLiteral("syncObjectsView"));
    setWidget(m_canvas);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(theme, &Theme::changed, this, [this] { m_canvas->update(); });
}

void SyncObjectsView::showEvent(QShowEvent* event) {
    QScrollArea::showEvent(event);
    refresh();
}

int SyncObjectsView::cardHeight() const {
    return fontMetrics().height() * 4 + 14;
}

void SyncObjectsView::refresh() {
    const SimulationController& c = *m_controller;
    m_rows = core::syncObjectRows(c.trace(), c.index(), c.state(), c.machine());
    m_canvas->setMinimumHeight(
        std::max<int>(1, static_cast<int>(m_rows.size()) * cardHeight() + 8));
    m_canvas->update();
}

void SyncObjectsView::paintCards(QPainter& p, int width) {
    const auto& trace = m_controller->trace();
    p.fillRect(QRect(0, 0, width, m_canvas->height()), m_theme->background());
    const QFontMetrics fm = p.fontMetrics();
    const int lineH = fm.height();
    if (m_rows.empty()) {
        p.setPen(m_theme->mutedText());
        p.drawText(
            QRect(8, 8, width - 16, lineH * 4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
            tr("This run has no locks, queues, events or shared values.\nOpen a lesson such as "
               "\"Deadlock: two locks\" or \"Bounded queue\" to see them here."));
        return;
    }
    const QColor alert = m_theme->colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    const int h = cardHeight();
    const auto threadChip = [&](int x, int y, std::uint32_t t, int chipH) {
        const QString name = QString::fromStdString(core::threadName(trace, t));
        const int w = fm.horizontalAdvance(name) + 10;
        const QRect r(x, y, w, chipH);
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme->threadColour(t));
        p.drawRoundedRect(r, 4, 4);
        p.setPen(QColor(Qt::black));
        p.drawText(r, Qt::AlignCenter, name);
        return x + w + 4;
    };
    int y = 4;
    for (std::size_t i = 0; i < m_rows.size(); ++i, y += h) {
        const core::SyncObjectRow& row = m_rows[i];
        const QRect card(4, y, width - 8, h - 4);
        p.setPen(QPen(m_theme->grid(), 1));
        p.setBrush(i % 2 ? m_theme->alternateBackground() : m_theme->background());
        p.drawRoundedRect(card, 5, 5);
        // Title line: kind and name, then the summary in muted text.
        QFont bold = p.font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(m_theme->text());
        const QString title =
            kindName(row.kind) + QLatin1Char(' ') + QString::fromStdString(row.name);
        const int titleW = QFontMetrics(bold).horizontalAdvance(title);
        p.drawText(QRect(card.left() + 8, card.top() + 3, titleW + 2, lineH),
                   Qt::AlignLeft | Qt::AlignVCenter, title);
        p.setFont(font());
        QString detail;
        switch (row.kind) {
            case ObjectKind::Lock:
            case ObjectKind::RLock:
                detail =
                    row.holder == core::kNone
                        ? tr("free")
                        : tr("held by %1")
                              .arg(QString::fromStdString(core::threadName(trace, row.holder)));
                detail += tr(" \u00b7 %n acquisition(s)", "", row.acquisitions);
                break;
            case ObjectKind::Queue:
                detail = row.capacity > 0 ? tr("%1 of %2 items \u00b7 high-water %3")
                                                .arg(row.value)
                                                .arg(row.capacity)
                                                .arg(row.highWater)
                                          : tr("%1 items (unbounded) \u00b7 high-water %2")
                                                .arg(row.value)
                                                .arg(row.highWater);
                break;
            case ObjectKind::Event:
                detail = row.value ? tr("set") : tr("clear");
                break;
            case ObjectKind::Semaphore:
            case ObjectKind::BoundedSemaphore:
                detail = tr("value %1").arg(row.value);
                break;
            case ObjectKind::Barrier:
                detail = tr("%1 of %2 arrived")
                             .arg(row.value)
                             .arg(row.capacity > 0 ? QString::number(row.capacity)
                                                   : QStringLiteral("?"));
                break;
            case ObjectKind::Condition:
                detail = tr("%n waiting for notify", "", static_cast<int>(row.waiters.size()));
                break;
            case ObjectKind::Join:
                detail =
                    row.joinTarget == core::kNone
                        ? QString()
                        : tr("until %1 ends")
                              .arg(QString::fromStdString(core::threadName(trace, row.joinTarget)));
                break;
            case ObjectKind::Value:
                detail = tr("%n write(s) so far", "", row.stores) +
                         tr(" \u00b7 lost updates: %1").arg(row.lostUpdates);
                break;
        }
        p.setPen(row.kind == ObjectKind::Value && row.lostUpdates > 0 ? alert
                                                                      : m_theme->mutedText());
        const QRect detailBox(card.left() + 16 + titleW, card.top() + 3, card.width() - titleW - 24,
                              lineH);
        p.drawText(detailBox, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(detail, Qt::ElideRight, detailBox.width()));

        // Picture line.
        const int py = card.top() + lineH + 8;
        const int ph = lineH * 2;
        int x = card.left() + 8;
        switch (row.kind) {
            case ObjectKind::Lock:
            case ObjectKind::RLock: {
                // The lock as a padlock-like box in its holder's colour (grey when free).
                const QRect box(x, py, ph, ph);
                p.setPen(QPen(m_theme->text(), 1.5));
                p.setBrush(Qt::NoBrush);
                p.drawArc(QRect(box.left() + ph / 4, box.top() - ph / 4, ph / 2, ph / 2), 0,
                          180 * 16);
                p.setBrush(row.holder == core::kNone ? m_theme->grid()
                                                     : m_theme->threadColour(row.holder));
                p.drawRoundedRect(QRect(box.left(), box.top() + ph / 4, ph, ph * 3 / 4), 2, 2);
                x += ph + 8;
                if (row.holder != core::kNone)
                    x = threadChip(x, py + (ph - lineH - 6) / 2, row.holder, lineH + 6);
                break;
            }
            case ObjectKind::Queue:
            case ObjectKind::Barrier:
            case ObjectKind::Semaphore:
            case ObjectKind::BoundedSemaphore: {
                const bool queue = row.kind == ObjectKind::Queue;
                int boxCount = row.capacity > 0
                                   ? row.capacity
                                   : std::max(row.value, queue ? row.highWater : row.value);
                boxCount = std::max(boxCount, row.value);
                const int drawn = std::min(boxCount, kMaxBoxes);
                const int bw =
                    std::max(8, std::min(ph, (card.width() * 2 / 3) / std::max(1, drawn)));
                for (int k = 0; k < drawn; ++k) {
                    const QRect b(x + k * (bw + 2), py, bw, ph);
                    p.setPen(QPen(m_theme->text(), 1));
                    p.setBrush(k < row.value ? QBrush(m_theme->marker()) : Qt::NoBrush);
                    p.drawRect(b);
                }
                if (boxCount > drawn) {
                    p.setPen(m_theme->text());
                    p.drawText(QPoint(x + drawn * (bw + 2) + 2, py + fm.ascent()),
                               QStringLiteral("\u2026"));
                }
                if (queue && row.highWater > 0 && row.highWater <= drawn) {
                    // The high-water mark: a tick under the longest the queue has been.
                    const int hx = x + row.highWater * (bw + 2) - 1;
                    p.setPen(QPen(alert, 2));
                    p.drawLine(hx, py - 2, hx, py + ph + 2);
                }
                x += drawn * (bw + 2) +
                     (boxCount > drawn ? fm.horizontalAdvance(QStringLiteral("\u2026")) + 4 : 0) +
                     8;
                break;
            }
            case ObjectKind::Event: {
                p.setPen(QPen(m_theme->text(), 1));
                p.setBrush(row.value ? QColor(255, 200, 40) : m_theme->grid());
                p.drawEllipse(QRect(x, py, ph, ph));
                x += ph + 8;
                break;
            }
            case ObjectKind::Value: {
                QFont big = font();
                big.setBold(true);
                big.setPointSizeF(big.pointSizeF() * 1.3);
                p.setFont(big);
                p.setPen(m_theme->text());
                const QString v = QString::number(row.value);
                const int vw = QFontMetrics(big).horizontalAdvance(v) + 12;
                p.drawText(QRect(x, py, vw, ph), Qt::AlignLeft | Qt::AlignVCenter, v);
                p.setFont(font());
                x += vw;
                for (int k = 0; k < std::min(row.lostUpdates, kMaxBoxes); ++k) {
                    p.setPen(QPen(alert, 2));
                    const QRect m(x + k * (ph / 2 + 3), py + ph / 4, ph / 2, ph / 2);
                    p.drawLine(m.topLeft(), m.bottomRight());
                    p.drawLine(m.topRight(), m.bottomLeft());
                }
                x += std::min(row.lostUpdates, kMaxBoxes) * (ph / 2 + 3) + 8;
                break;
            }
            case ObjectKind::Condition:
            case ObjectKind::Join:
                break;
        }
        if (!row.waiters.empty()) {
            p.setPen(m_theme->mutedText());
            const QString label = tr("waiting:");
            p.drawText(QPoint(x, py + (ph + fm.ascent()) / 2 - 2), label);
            x += fm.horizontalAdvance(label) + 6;
            for (const std::uint32_t t : row.waiters) {
                if (x > card.right() - 30) break;
                x = threadChip(x, py + (ph - lineH - 6) / 2, t, lineH + 6);
            }
        }
    }
}

}  // namespace taskscope::ui
