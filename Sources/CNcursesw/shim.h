#ifndef CCW_NCURSESW_SHIM_H
#define CCW_NCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <poll.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>

/* C globals and macros are not visible (or not concurrency-safe) in Swift 6: wrap them. */
static inline WINDOW *ccw_stdscr(void) { return stdscr; }
static inline int ccw_lines(void) { return LINES; }
static inline int ccw_cols(void) { return COLS; }
static inline int ccw_colors(void) { return COLORS; }
static inline int ccw_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t ccw_color_pair(int n) { return COLOR_PAIR(n); }
static inline int ccw_key_resize(void) { return KEY_RESIZE; }
static inline int ccw_key_mouse(void) { return KEY_MOUSE; }
static inline int ccw_key_f(int n) { return KEY_F(n); }
static inline int ccw_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int ccw_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int ccw_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline attr_t ccw_a_bold(void) { return A_BOLD; }
static inline attr_t ccw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ccw_a_reverse(void) { return A_REVERSE; }
static inline attr_t ccw_a_dim(void) { return A_DIM; }
static inline attr_t ccw_a_italic(void) { return A_ITALIC; }
static inline attr_t ccw_a_normal(void) { return A_NORMAL; }
static inline mmask_t ccw_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t ccw_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t ccw_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ccw_button5_pressed(void) { return BUTTON5_PRESSED; }

static inline mmask_t ccw_button1_released(void) { return BUTTON1_RELEASED; }
/* Clicks and wheel without motion reports (REPORT_MOUSE_POSITION floods the input with moves). */
static inline mmask_t ccw_click_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline int ccw_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ccw_err(void) { return ERR; }
/* newterm on the process's stdin/stdout: unlike initscr it returns NULL instead of exiting on failure. */
static inline SCREEN *ccw_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
/* wcwidth is hidden unless _XOPEN_SOURCE is set, which SwiftPM strips from pkg-config flags. */
int wcwidth(wchar_t c);
static inline int ccw_wcwidth(wchar_t c) { return wcwidth(c); }

/* Put one grapheme (a base character and its combining marks) at the cursor with attributes and a colour pair. */
static inline int ccw_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

static inline int ccw_is_utf8_locale(void) {
    const char *cs = nl_langinfo(CODESET);
    if (!cs) return 0;
    return (cs[0]=='U'||cs[0]=='u') && (cs[1]=='T'||cs[1]=='t') && (cs[2]=='F'||cs[2]=='f');
}

#endif
