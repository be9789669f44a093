<?php
// Deactivates, then deletes the plugin as an administrator would, with a read of the tracker's
// hints waiting in cron; prints as JSON what is left of it. Argument: the site's URL.
require __DIR__ . '/load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

global $wpdb;
$plugin = 'guichet/guichet.php';
$kept = function () use ($wpdb) {
    return (int) $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE 'guichet\\_tracker\\_hints\\_%'");
};
$folder = guichet_script_folder();
wp_schedule_single_event(time() + 60, 'guichet_read_tracker_hints', array($folder));
$report = array('keptBefore' => $kept(), 'scheduledBefore' => (bool) wp_next_scheduled('guichet_read_tracker_hints', array($folder)));
deactivate_plugins($plugin);
$report['scheduledAfterDeactivation'] = (bool) wp_next_scheduled('guichet_read_tracker_hints', array($folder));
uninstall_plugin($plugin);
$report['keptAfterDeletion'] = $kept();
echo json_encode($report), "\n";
