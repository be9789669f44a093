<?php
/**
 * Plugin Name: Guichet
 * Description: Online procedures and request tracking from a Guichet endpoint: the [guichet form="…"] and [guichet_suivi] shortcodes, usable by authors.
 * Version: 0.1.0
 * Requires at least: 5.7
 * Requires PHP: 7.4
 * License: EUPL-1.2
 *
 * Settings, in wp-config.php (the defaults are placeholders):
 *   define('GUICHET_ENDPOINT', 'https://gru.example.org');   // the Guichet endpoint's address
 *   define('GUICHET_SCRIPT', 'https://cdn.example.org/guichet/0.1.0/guichet.js'); // optional: a copy of dist/
 *   define('GUICHET_SRI', 'sha384-…');                       // optional: dist/guichet.js.sri of that copy
 *   define('GUICHET_TRACKER_PAGE', '/suivre-ma-demande/');   // optional: the page holding [guichet_suivi]
 *
 * WordPress 6.5 and later print the script as a script module (wp_register_script_module);
 * older versions (5.7 to 6.4) get the same <script type="module"> tag from wp_footer.
 */

if (!defined('ABSPATH')) {
    exit;
}

if (!defined('GUICHET_ENDPOINT')) {
    define('GUICHET_ENDPOINT', 'https://gru.example.org');
}

/** The script's URL: a copy of dist/ when configured, else the endpoint's own /dist/guichet.js. */
function guichet_script_url() {
    return defined('GUICHET_SCRIPT') ? GUICHET_SCRIPT : untrailingslashit(GUICHET_ENDPOINT) . '/dist/guichet.js';
}

function guichet_api_url() {
    return untrailingslashit(GUICHET_ENDPOINT) . '/api';
}

/** The elements' language: the shortcode's `lang`, else the site's (fr unless English). */
function guichet_lang($requested) {
    if ($requested === 'fr' || $requested === 'en') {
        return $requested;
    }
    return strpos(determine_locale(), 'en') === 0 ? 'en' : 'fr';
}

/** Loads the script once, in the way this version of WordPress allows. */
function guichet_enqueue() {
    static $done = false;
    if ($done) {
        return;
    }
    $done = true;
    if (function_exists('wp_enqueue_script_module')) {
        wp_enqueue_script_module('guichet', guichet_script_url(), array(), null);
        return;
    }
    // Before 6.5: no script modules API. The footer still runs after the shortcodes of any theme,
    // block themes included.
    add_action('wp_footer', 'guichet_print_script');
}

function guichet_script_attributes() {
    $attributes = array('type' => 'module', 'src' => guichet_script_url());
    if (defined('GUICHET_SRI') && GUICHET_SRI) {
        $attributes['integrity'] = GUICHET_SRI;
        $attributes['crossorigin'] = 'anonymous';
    }
    return $attributes;
}

function guichet_print_script() {
    wp_print_script_tag(guichet_script_attributes());
}

// WordPress 6.5+ prints module scripts itself: add the integrity and crossorigin attributes.
add_filter('wp_script_attributes', function ($attributes) {
    if (($attributes['id'] ?? '') === 'guichet-js-module' && defined('GUICHET_SRI') && GUICHET_SRI) {
        $attributes['integrity'] = GUICHET_SRI;
        $attributes['crossorigin'] = 'anonymous';
    }
    return $attributes;
});

/**
 * Hints that start, where the shortcode stands, what the element would otherwise ask for only once
 * its script has arrived and run (WordPress prints the script in the footer): the script itself,
 * once per page, and the form's definition. On a slow mobile network that is one round trip or
 * more before the first question. Their CORS mode matches the requests they stand for.
 */
function guichet_hints($definition_url) {
    return sprintf('<link rel="preload" as="fetch" href="%s" crossorigin="anonymous">', esc_url($definition_url))
        . guichet_script_hint();
}

/** The script's modulepreload hint, the first time a shortcode asks for it on the page. */
function guichet_script_hint() {
    static $script_hinted = false;
    if ($script_hinted) {
        return '';
    }
    $script_hinted = true;
    return sprintf(
        '<link rel="modulepreload" href="%s"%s>',
        esc_url(guichet_script_url()),
        defined('GUICHET_SRI') && GUICHET_SRI ? sprintf(' integrity="%s" crossorigin="anonymous"', esc_attr(GUICHET_SRI)) : ''
    );
}

/**
 * The tracker draws with a chunk of its own, which the page would ask for only once guichet.js has
 * run. Its name changes with every build: the build's tracker-snippet.html, beside the script,
 * lists it and what it imports with their integrity. Read once, on the first tracker page, then
 * kept: past ten minutes (a day for a versioned copy, whose files never change) a page still gets
 * the hints kept while WordPress's cron reads the file again, so no citizen waits for that read
 * but the first, and an endpoint upgraded (new chunk names) is followed within minutes (within a day
 * on a site whose cron does not run). No hints when the file cannot be read.
 */
function guichet_tracker_hints() {
    $folder = guichet_script_folder();
    $kept = guichet_kept_tracker_hints($folder);
    // None yet, or past their time by a day: WordPress's cron does not run on this site
    // (DISABLE_WP_CRON without a crontab), so this page reads the file itself, once a day at most.
    if (!$kept || $kept['until'] + DAY_IN_SECONDS < time()) {
        return guichet_read_tracker_hints($folder);
    }
    if ($kept['until'] < time() && !wp_next_scheduled('guichet_read_tracker_hints', array($folder))) {
        wp_schedule_single_event(time(), 'guichet_read_tracker_hints', array($folder));
    }
    return $kept['hints'];
}
add_action('guichet_read_tracker_hints', 'guichet_read_tracker_hints');

register_deactivation_hook(__FILE__, function () {
    wp_unschedule_hook('guichet_read_tracker_hints');
});

/** The folder guichet.js is served from, with its final slash. */
function guichet_script_folder() {
    return substr(guichet_script_url(), 0, strrpos(guichet_script_url(), '/') + 1);
}

function guichet_tracker_hints_key($folder) {
    return 'guichet_tracker_hints_' . md5($folder);
}

/** The kept copy of the tracker's hints (`hints`, `until`), or null when there is none. */
function guichet_kept_tracker_hints($folder) {
    $kept = get_option(guichet_tracker_hints_key($folder));
    return is_array($kept) && isset($kept['hints'], $kept['until']) && is_string($kept['hints']) ? $kept : null;
}

/** Keeps `$hints` for `$seconds`, then they are read again; returns them. */
function guichet_keep_tracker_hints($folder, $hints, $seconds) {
    update_option(guichet_tracker_hints_key($folder), array('hints' => $hints, 'until' => time() + $seconds), false);
    return $hints;
}

/** Reads tracker-snippet.html and keeps its hints; a failed read keeps what was there, for a while. */
function guichet_read_tracker_hints($folder) {
    $response = wp_remote_get($folder . 'tracker-snippet.html', array('timeout' => 2));
    if (is_wp_error($response) || wp_remote_retrieve_response_code($response) !== 200) {
        $kept = guichet_kept_tracker_hints($folder);
        return guichet_keep_tracker_hints($folder, $kept ? $kept['hints'] : '', 10 * MINUTE_IN_SECONDS);
    }
    preg_match_all(
        '#<link rel="modulepreload" href="[^"]*/(guichet-[\w-]+\.js)" integrity="(sha384-[\w+/=]+)"#',
        wp_remote_retrieve_body($response),
        $chunks,
        PREG_SET_ORDER
    );
    $hints = '';
    foreach ($chunks as $chunk) {
        $hints .= sprintf(
            '<link rel="modulepreload" href="%s" integrity="%s" crossorigin="anonymous">',
            esc_url($folder . $chunk[1]),
            esc_attr($chunk[2])
        );
    }
    return guichet_keep_tracker_hints($folder, $hints, defined('GUICHET_SCRIPT') ? DAY_IN_SECONDS : 10 * MINUTE_IN_SECONDS);
}

add_shortcode('guichet', function ($atts) {
    $atts = shortcode_atts(
        array('form' => '', 'channel' => 'web', 'lang' => '', 'draft' => 'local', 'heading_level' => '', 'hide_title' => ''),
        $atts,
        'guichet'
    );
    if ($atts['form'] === '') {
        return '';
    }
    guichet_enqueue();
    $tracker = defined('GUICHET_TRACKER_PAGE') ? GUICHET_TRACKER_PAGE : '';
    $definition = guichet_api_url() . '/forms/' . rawurlencode($atts['form']);
    return guichet_hints($definition) . sprintf(
        '<guichet-form src="%s" endpoint="%s" channel="%s" lang="%s" draft="%s"%s%s%s></guichet-form>',
        esc_url($definition),
        esc_url(guichet_api_url()),
        esc_attr($atts['channel']),
        esc_attr(guichet_lang($atts['lang'])),
        esc_attr($atts['draft'] === 'none' ? 'none' : 'local'),
        // The page's title is usually the procedure's: the form's own title can step aside.
        $atts['heading_level'] !== '' ? sprintf(' heading-level="%d"', absint($atts['heading_level'])) : '',
        in_array($atts['hide_title'], array('1', 'yes', 'true', 'oui'), true) ? ' hide-title' : '',
        $tracker !== '' ? sprintf(' tracker-url="%s"', esc_url(home_url($tracker))) : ''
    );
});

add_shortcode('guichet_suivi', function ($atts) {
    $atts = shortcode_atts(array('lang' => ''), $atts, 'guichet_suivi');
    guichet_enqueue();
    return guichet_script_hint() . guichet_tracker_hints() . sprintf(
        '<guichet-tracker endpoint="%s" lang="%s" from-url></guichet-tracker>',
        esc_url(guichet_api_url()),
        esc_attr(guichet_lang($atts['lang']))
    );
});
