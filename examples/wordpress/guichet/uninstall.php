<?php
/**
 * Deleting the plugin removes what it kept: the tracker's hints, one copy per script folder.
 */
if (!defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}
global $wpdb;
$wpdb->query("DELETE FROM {$wpdb->options} WHERE option_name LIKE 'guichet\\_tracker\\_hints\\_%'");
