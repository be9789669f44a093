<?php
// WordPress loaded from the command line for the check's site (its URL is the first argument), as
// a request to it would load it: Debian's wp-config.php picks the check's configuration.
$site = $argv[1];
$_SERVER['HTTP_HOST'] = parse_url($site, PHP_URL_HOST) . ':' . parse_url($site, PHP_URL_PORT);
$_SERVER['SERVER_NAME'] = parse_url($site, PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['WORDPRESS_CONFIG'] = getenv('GUICHET_WP_CONFIG');
require '/usr/share/wordpress/wp-load.php';
