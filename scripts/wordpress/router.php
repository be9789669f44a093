<?php
// `php -S` router for Debian's WordPress (/usr/share/wordpress): Debian's wp-config.php reads
// /etc/wordpress/config-$WORDPRESS_CONFIG.php; wp-content lives in the check's own folder.
$_SERVER['WORDPRESS_CONFIG'] = getenv('GUICHET_WP_CONFIG');
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$content = getenv('GUICHET_WP_CONTENT');
if (strpos($path, '/wp-content/') === 0) {
    $file = realpath($content . substr($path, strlen('/wp-content')));
    if ($file === false || !is_file($file) || substr($file, -4) === '.php') {
        http_response_code(404);
        return true;
    }
    $types = array('css' => 'text/css', 'js' => 'text/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png',
        'woff2' => 'font/woff2', 'json' => 'application/json', 'jpg' => 'image/jpeg');
    $extension = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($types[$extension] ?? 'application/octet-stream'));
    readfile($file);
    return true;
}
$file = '/usr/share/wordpress' . $path;
if (is_dir($file)) {
    $file = rtrim($file, '/') . '/index.php';
}
if (is_file($file) && substr($file, -4) !== '.php') {
    return false; // A static file of WordPress itself: the built-in server sends it.
}
if (!is_file($file)) {
    $file = '/usr/share/wordpress/index.php'; // Pretty URLs, 404s: WordPress answers.
}
$_SERVER['SCRIPT_NAME'] = substr($file, strlen('/usr/share/wordpress'));
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
chdir(dirname($file));
require $file;
