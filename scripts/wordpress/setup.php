<?php
// Installs WordPress in the check's database, then publishes what a town's web team would:
// the documented Custom HTML snippets (as an editor), the shortcode (as an author), and the same
// snippet saved by an author, to see what WordPress keeps of it. Prints what it did as JSON.
// Arguments: the site's URL, then a JSON file of the contents to publish.
[$script, $site, $contentsFile] = $argv;
$host = parse_url($site, PHP_URL_HOST) . ':' . parse_url($site, PHP_URL_PORT);
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['SERVER_NAME'] = parse_url($site, PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['WORDPRESS_CONFIG'] = getenv('GUICHET_WP_CONFIG');
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$contents = json_decode(file_get_contents($contentsFile), true);
$report = array('wordpress' => $GLOBALS['wp_version']);

if (!is_blog_installed()) {
    wp_install('Ville de Montfleury', 'admin', 'admin@montfleury.example', false, '', wp_generate_password(20));
}
$report['theme'] = get_stylesheet();
$report['blockTheme'] = function_exists('wp_is_block_theme') && wp_is_block_theme();
$report['scriptModulesApi'] = function_exists('wp_register_script_module');

function guichet_user($login, $role) {
    $user = get_user_by('login', $login);
    if ($user) {
        return $user->ID;
    }
    return wp_insert_user(array('user_login' => $login, 'user_pass' => wp_generate_password(20),
        'user_email' => $login . '@montfleury.example', 'role' => $role));
}
$editor = guichet_user('redaction', 'editor');
$author = guichet_user('auteur', 'author');

$plugin = 'guichet/guichet.php';
$requirements = validate_plugin_requirements($plugin);
$report['pluginRequirements'] = is_wp_error($requirements) ? $requirements->get_error_message() : 'met';
$activated = activate_plugin($plugin);
$report['pluginActivated'] = is_wp_error($activated) ? $activated->get_error_message() : true;

/** Saves content as the given user, through the same filters as the block editor's save. */
function guichet_publish($user, $type, $slug, $title, $content) {
    wp_set_current_user($user);
    kses_init();
    $existing = get_page_by_path($slug, OBJECT, $type);
    $post = array('post_type' => $type, 'post_name' => $slug, 'post_title' => $title,
        'post_status' => 'publish', 'post_author' => $user, 'post_content' => wp_slash($content));
    if ($existing) {
        $post['ID'] = $existing->ID;
    }
    $id = wp_insert_post($post, true);
    if (is_wp_error($id)) {
        return array('error' => $id->get_error_message());
    }
    $saved = get_post($id);
    return array('id' => $id, 'url' => get_permalink($id), 'saved' => $saved->post_content,
        'canUnfilteredHtml' => current_user_can('unfiltered_html'));
}

$report['pages'] = array();
foreach ($contents as $key => $item) {
    $user = $item['as'] === 'author' ? $author : $editor;
    $report['pages'][$key] = guichet_publish($user, $item['type'], $item['slug'], $item['title'], $item['content']);
}
wp_set_current_user(0);
echo json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
