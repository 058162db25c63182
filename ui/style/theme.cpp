#include "ui/style/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include <array>
#include <cmath>

namespace taskscope::ui {

using core::ThreadState;
using core::WaitReason;

namespace {
// Thread identity colours (core lanes, GIL lanes, tokens, chips). None may read as a state:
// the hues of every state and wait reason (green Running, orange Ready, red GIL, blue I/O,
// teal sleep, brown join, mauve lock) were left out, which leaves violets, yellow-greens and
// a wine, in several lightnesses; the eight were picked by a maximin search over sRGB and are
// at least 30 CIELAB units (CIE76) from every state, switch, marker and cursor colour of both
// themes and from each other (tst_views checks it). Ordered so that neighbours differ most.
constexpr std::array<QRgb, 8> kThreadPalette = {0x808cfe, 0xa1a555, 0x861650, 0x354cf4,
                                                0xa3de2c, 0x30408f, 0x354e01, 0xbcbbfe};
// The colour-blind-safe states use all of Okabe & Ito's colours, so the threads get their
// own six: at least 17 units from every state colour and from each other in normal vision
// and under simulated deuteranopia and protanopia (Machado et al. 2009).
constexpr std::array<QRgb, 6> kThreadPaletteColourBlind = {0x5775fe, 0xced17e, 0x384d21,
                                                           0x48416e, 0xa0a647, 0x7291f6};
}  // namespace

Theme::Theme(QObject* parent) : QObject(parent) {}

void Theme::setMode(Mode mode) {
    if (mode == m_mode) return;
    m_mode = mode;
    emit changed();
}

void Theme::setColourBlindSafe(bool on) {
    if (on == m_colourBlind) return;
    m_colourBlind = on;
    emit changed();
}

void Theme::setPresenter(bool on) {
    if (on == m_presenter) return;
    m_presenter = on;
    emit changed();
}

QColor Theme::background() const {
    return m_mode == Mode::Dark ? QColor(0x1e1f22) : QColor(0xffffff);
}
QColor Theme::alternateBackground() const {
    return m_mode == Mode::Dark ? QColor(0x26282c) : QColor(0xf4f5f7);
}
QColor Theme::headerBackground() const {
    return m_mode == Mode::Dark ? QColor(0x2f3237) : QColor(0xe6e8ec);
}
QColor Theme::text() const {
    return m_mode == Mode::Dark ? QColor(0xe8e8e8) : QColor(0x202124);
}
QColor Theme::mutedText() const {
    return m_mode == Mode::Dark ? QColor(0x9aa0a6) : QColor(0x6b7075);
}
QColor Theme::grid() const {
    return m_mode == Mode::Dark ? QColor(0x3c4043) : QColor(0xd5d8dc);
}
QColor Theme::cursor() const {
    return m_mode == Mode::Dark ? QColor(0xff5c8a) : QColor(0xd6004c);
}
QColor Theme::marker() const {
    return m_mode == Mode::Dark ? QColor(0xffd54f) : QColor(0x6a1b9a);
}
QColor Theme::switchColour() const {
    return m_mode == Mode::Dark ? QColor(0x8a8f98) : QColor(0x707478);
}

QColor Theme::stateColour(ThreadState state, WaitReason reason) const {
    const bool cb = m_colourBlind;
    switch (state) {
        case ThreadState::New:
            return cb ? QColor(0xbbbbbb) : QColor(0xc7c2bf);
        case ThreadState::Running:
            return cb ? QColor(0x009e73) : QColor(0x3aa346);
        case ThreadState::Ready:
            return cb ? QColor(0xe69f00) : QColor(0xf2b134);
        case ThreadState::Terminated:
            return m_mode == Mode::Dark ? QColor(0x44474c) : QColor(0xdadce0);
        case ThreadState::Waiting:
            break;
    }
    switch (reason) {
        case WaitReason::Gil:
            return cb ? QColor(0xd55e00) : QColor(0xe03c3c);
        case WaitReason::Io:
        case WaitReason::Disk:
        case WaitReason::Pipe:
        case WaitReason::Input:
            return cb ? QColor(0x0072b2) : QColor(0x4e79a7);
        case WaitReason::Sleep:
            return cb ? QColor(0x56b4e9) : QColor(0x76b7b2);
        case WaitReason::Join:
            return cb ? QColor(0xf0e442) : QColor(0x9c755f);
        case WaitReason::Stopped:
            return QColor(0x777777);
        default:
            return cb ? QColor(0xcc79a7) : QColor(0xb07aa1);  // locks, queues, events
    }
}

QColor Theme::threadColour(std::uint32_t thread) const {
    if (m_colourBlind)
        return QColor(kThreadPaletteColourBlind[thread % kThreadPaletteColourBlind.size()]);
    return QColor(kThreadPalette[thread % kThreadPalette.size()]);
}

int Theme::threadPaletteSize() const {
    return static_cast<int>(m_colourBlind ? kThreadPaletteColourBlind.size()
                                          : kThreadPalette.size());
}

QColor Theme::textOn(const QColor& fill) {
    // WCAG relative luminance: black text on fills brighter than about 18%, else white.
    const auto lin = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double y =
        0.2126 * lin(fill.redF()) + 0.7152 * lin(fill.greenF()) + 0.0722 * lin(fill.blueF());
    return y > 0.18 ? QColor(0x202124) : QColor(Qt::white);
}

QColor Theme::lookColour(core::ProcessLook look) const {
    switch (look) {
        case core::ProcessLook::New:
            return stateColour(ThreadState::New, WaitReason::None);
        case core::ProcessLook::Ready:
            return stateColour(ThreadState::Ready, WaitReason::None);
        case core::ProcessLook::Running:
            return stateColour(ThreadState::Running, WaitReason::None);
        case core::ProcessLook::Waiting:
            return stateColour(ThreadState::Waiting, WaitReason::Io);
        case core::ProcessLook::Zombie:
            return QColor(0x9e9e9e);
        case core::ProcessLook::Terminated:
            return stateColour(ThreadState::Terminated, WaitReason::None);
    }
    return {};
}

void Theme::applyToApplication() const {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (m_mode == Mode::Light) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b2d31));
    p.setColor(QPalette::WindowText, QColor(0xe8e8e8));
    p.setColor(QPalette::Base, QColor(0x1e1f22));
    p.setColor(QPalette::AlternateBase, QColor(0x26282c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c3f44));
    p.setColor(QPalette::ToolTipText, QColor(0xe8e8e8));
    p.setColor(QPalette::Text, QColor(0xe8e8e8));
    p.setColor(QPalette::Button, QColor(0x34373c));
    p.setColor(QPalette::ButtonText, QColor(0xe8e8e8));
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x3d6fb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8ab4f8));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a8f98));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b7075));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b7075));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b7075));
    QApplication::setPalette(p);
}

}  // namespace taskscope::ui
